/** Process exit codes of the `tracegate` command (DESIGN.md, "Verdict, exit codes"). */
export const ExitCode = {
  Pass: 0,
  Fail: 1,
  Inconclusive: 2,
  /** Bad configuration (an unknown command or flag, an unusable value) or a harness that could not start. */
  Error: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
