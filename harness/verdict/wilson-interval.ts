import { assertConfidence, assertCounts } from './_internals/count-guards.js';
import { normalQuantile } from './normal-quantile.js';

/** A two-sided confidence interval for a rate, both ends within [0, 1]. */
export interface ConfidenceInterval {
  readonly low: number;
  readonly high: number;
}

const API = 'tracegate.wilsonInterval()';

/**
 * The Wilson score interval for `successes` out of `n` at the given two-sided confidence (default 0.95).
 * Unlike the normal-approximation interval it stays inside [0, 1] and is not empty at 0 or n successes;
 * with n = 0 nothing is known and the interval is [0, 1].
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): ConfidenceInterval {
  assertCounts(API, successes, n);
  assertConfidence(API, confidence);
  if (n === 0) return { low: 0, high: 1 };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const zSquaredOverN = (z * z) / n;
  const rate = successes / n;
  const scale = 1 + zSquaredOverN;
  const centre = (rate + zSquaredOverN / 2) / scale;
  const halfWidth = (z * Math.sqrt((rate * (1 - rate)) / n + zSquaredOverN / (4 * n))) / scale;
  // At the edges the formula's end is exactly 0 or 1 on paper; pin it so rounding cannot leave 1e-17 behind.
  const low = successes === 0 ? 0 : Math.max(0, centre - halfWidth);
  const high = successes === n ? 1 : Math.min(1, centre + halfWidth);
  return { low, high };
}
