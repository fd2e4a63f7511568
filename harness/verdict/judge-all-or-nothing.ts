import { assertConfidence, assertCounts } from './_internals/count-guards.js';
import type { CheckStatus } from './check-status.js';
import type { ConfidenceInterval } from './wilson-interval.js';
import { wilsonInterval } from './wilson-interval.js';

/** A count that must be complete (every failing request recorded as an error): one miss fails it. */
export interface AllOrNothingJudgement {
  readonly status: Exclude<CheckStatus, 'inconclusive'>;
  readonly n: number;
  readonly successes: number;
  readonly value: number | null;
  readonly threshold: 1;
  readonly interval: ConfidenceInterval;
}

const API = 'tracegate.judgeAllOrNothing()';

/**
 * Judges `successes` out of `n` where every one must succeed: skip when there is nothing to judge, pass when all
 * succeed, fail on the first miss. No minimum sample applies: a single unrecorded error is a proven defect.
 */
export function judgeAllOrNothing(successes: number, n: number, confidence = 0.95): AllOrNothingJudgement {
  assertCounts(API, successes, n);
  assertConfidence(API, confidence);
  const interval = wilsonInterval(successes, n, confidence);
  const status = n === 0 ? 'skip' : successes === n ? 'pass' : 'fail';
  return { status, n, successes, value: n === 0 ? null : successes / n, threshold: 1, interval };
}
