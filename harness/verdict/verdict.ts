/**
 * The outcome of a run. PASS: every judged check cleared its gate. FAIL: a check proved the service wrong.
 * INCONCLUSIVE: the harness lost data, ran out of time, or had too few samples to say. ERROR: the run could not
 * be made (bad configuration, a service that would not start).
 */
export type Verdict = 'PASS' | 'FAIL' | 'INCONCLUSIVE' | 'ERROR';

/** Every verdict, in exit-code order. */
export const VERDICTS: readonly Verdict[] = Object.freeze(['PASS', 'FAIL', 'INCONCLUSIVE', 'ERROR']);

/** The process exit code of each verdict (DESIGN.md, "Verdict, exit codes, report"). */
export const VERDICT_EXIT_CODES = Object.freeze({ PASS: 0, FAIL: 1, INCONCLUSIVE: 2, ERROR: 3 } as const);

export type VerdictExitCode = (typeof VERDICT_EXIT_CODES)[Verdict];

/** The exit code a `tracegate` command ends with for `verdict`. */
export function exitCodeFor(verdict: Verdict): VerdictExitCode {
  return VERDICT_EXIT_CODES[verdict];
}

/** Only PASS opens a gate: a run that could not prove the traces whole never lets a release through. */
export function opensGate(verdict: Verdict): boolean {
  return verdict === 'PASS';
}
