import { InvalidArgumentError } from '../errors.js';

// Peter Acklam's rational approximations of the inverse standard normal CDF (relative error below 1.15e-9):
// one rational function for the central region and one in sqrt(-2 ln p) for each tail.
const CENTRAL_NUMERATOR = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
] as const;
const CENTRAL_DENOMINATOR = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
] as const;
const TAIL_NUMERATOR = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
] as const;
const TAIL_DENOMINATOR = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const LOWER_TAIL_END = 0.02425;

/** Horner evaluation of `coefficients` (highest power first) at x. */
function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (const coefficient of coefficients) sum = sum * x + coefficient;
  return sum;
}

/** The lower tail, x for p < LOWER_TAIL_END. */
function lowerTail(p: number): number {
  const q = Math.sqrt(-2 * Math.log(p));
  return polynomial(TAIL_NUMERATOR, q) / (polynomial(TAIL_DENOMINATOR, q) * q + 1);
}

/** The z with P(Z ≤ z) = p for a standard normal Z; p must lie strictly between 0 and 1. */
export function normalQuantile(p: number): number {
  if (typeof p !== 'number' || !(p > 0 && p < 1)) {
    throw new InvalidArgumentError(`tracegate.normalQuantile(): p must be a number strictly between 0 and 1, got ${p}`);
  }
  if (p < LOWER_TAIL_END) return lowerTail(p);
  // The upper tail mirrors the lower one; computing it from 1 - p keeps the precision of small tail areas.
  if (p > 1 - LOWER_TAIL_END) return -lowerTail(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (polynomial(CENTRAL_NUMERATOR, r) * q) / (polynomial(CENTRAL_DENOMINATOR, r) * r + 1);
}
