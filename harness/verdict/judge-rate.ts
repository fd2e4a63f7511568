import { InvalidArgumentError } from '../errors.js';
import { assertConfidence, assertCounts } from './_internals/count-guards.js';
import type { RowStatus } from './check-status.js';
import type { RateRule } from './rate-rule.js';
import type { ConfidenceInterval } from './wilson-interval.js';
import { wilsonInterval } from './wilson-interval.js';

/** A rate held against its threshold: what was measured, and how it came out. */
export interface RateJudgement {
  readonly status: RowStatus;
  readonly n: number;
  readonly successes: number;
  /** successes / n, or null when n is 0. */
  readonly value: number | null;
  readonly threshold: number;
  readonly interval: ConfidenceInterval;
  /** The number compared with the threshold: the value, or the interval's lower end when gating on it. */
  readonly compared: number | null;
}

const API = 'tracegate.judgeRate()';

/**
 * Judges `successes` out of `n` by `rule`: inconclusive below `rule.minSamples`, otherwise pass when the
 * compared number (value or lower bound) reaches the threshold, else fail.
 */
export function judgeRate(successes: number, n: number, rule: RateRule): RateJudgement {
  assertCounts(API, successes, n);
  assertConfidence(API, rule.confidence);
  if (typeof rule.threshold !== 'number' || !(rule.threshold >= 0 && rule.threshold <= 1)) {
    throw new InvalidArgumentError(`${API}: threshold must be a number from 0 to 1, got ${String(rule.threshold)}`);
  }
  if (!Number.isSafeInteger(rule.minSamples) || rule.minSamples < 1) {
    throw new InvalidArgumentError(`${API}: minSamples must be a positive integer, got ${String(rule.minSamples)}`);
  }
  const interval = wilsonInterval(successes, n, rule.confidence);
  const value = n === 0 ? null : successes / n;
  const compared = value === null ? null : rule.gateOn === 'lower-bound' ? interval.low : value;
  const status: RowStatus =
    compared === null || n < rule.minSamples ? 'inconclusive' : compared >= rule.threshold ? 'pass' : 'fail';
  return { status, n, successes, value, threshold: rule.threshold, interval, compared };
}
