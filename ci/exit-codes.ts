import { VERDICT_EXIT_CODES } from '../harness/verdict/verdict.js';

/**
 * Process exit codes of the `tracegate` command: the verdicts' codes (DESIGN.md, "Verdict, exit codes"), named for
 * the command line. `Error` also covers bad configuration and a harness that could not start.
 */
export const ExitCode = {
  Pass: VERDICT_EXIT_CODES.PASS,
  Fail: VERDICT_EXIT_CODES.FAIL,
  Inconclusive: VERDICT_EXIT_CODES.INCONCLUSIVE,
  Error: VERDICT_EXIT_CODES.ERROR,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
