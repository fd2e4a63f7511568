import { InvalidArgumentError } from '../../errors.js';

/** Throws unless `successes` of `n` is a possible count pair (non-negative safe integers, successes ≤ n). */
export function assertCounts(api: string, successes: number, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new InvalidArgumentError(`${api}: n must be a non-negative integer, got ${n}`);
  }
  if (!Number.isSafeInteger(successes) || successes < 0 || successes > n) {
    throw new InvalidArgumentError(`${api}: successes must be an integer from 0 to n (${n}), got ${successes}`);
  }
}

/** Throws unless `confidence` is a probability strictly between 0 and 1. */
export function assertConfidence(api: string, confidence: number): void {
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new InvalidArgumentError(
      `${api}: confidence must be a number strictly between 0 and 1, got ${String(confidence)}`,
    );
  }
}
