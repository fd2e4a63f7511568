import { InvalidArgumentError } from '../../errors.js';
import type { SpanCount } from '../pattern-options.js';

/** A normalised count: inclusive bounds, `max` is Infinity when unbounded. */
export interface CountRange {
  readonly min: number;
  readonly max: number;
}

/** What a requirement means when no count is given: at least one. */
export const AT_LEAST_ONE: CountRange = Object.freeze({ min: 1, max: Infinity });
export const NONE: CountRange = Object.freeze({ min: 0, max: 0 });

const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

/** Normalises a user's count; `api` and `what` prefix the error. */
export function toCountRange(count: SpanCount | undefined, api: string, what = 'count'): CountRange {
  if (count === undefined) return AT_LEAST_ONE;
  if (count === 'none') return NONE;
  if (typeof count === 'number') {
    if (!isCount(count)) throw new InvalidArgumentError(`${api}: ${what} must be a non-negative integer, got ${count}`);
    return count === 0 ? NONE : Object.freeze({ min: count, max: count });
  }
  if (typeof count !== 'object' || count === null) {
    throw new InvalidArgumentError(`${api}: ${what} must be a number, { atLeast?, atMost? } or 'none'`);
  }
  const { atLeast, atMost } = count;
  if (atLeast === undefined && atMost === undefined) {
    throw new InvalidArgumentError(`${api}: ${what} needs atLeast or atMost`);
  }
  for (const [label, bound] of [
    ['atLeast', atLeast],
    ['atMost', atMost],
  ] as const) {
    if (bound !== undefined && !isCount(bound)) {
      throw new InvalidArgumentError(`${api}: ${what}.${label} must be a non-negative integer, got ${String(bound)}`);
    }
  }
  const range = { min: atLeast ?? 0, max: atMost ?? Infinity };
  if (range.min > range.max) {
    throw new InvalidArgumentError(`${api}: ${what}.atLeast (${range.min}) is above atMost (${range.max})`);
  }
  return Object.freeze(range);
}

/** True when `n` lies within the range. */
export function inRange(range: CountRange, n: number): boolean {
  return n >= range.min && n <= range.max;
}

/** The range in selector syntax: '' for "at least one", else `{2}`, `{2,}`, `{,3}`, `{1,3}`, `{0}`. */
export function formatCount(range: CountRange): string {
  if (range.min === 1 && range.max === Infinity) return '';
  if (range.min === range.max) return `{${range.min}}`;
  if (range.max === Infinity) return `{${range.min},}`;
  return range.min === 0 ? `{,${range.max}}` : `{${range.min},${range.max}}`;
}

/** The range in words, for explanations: "exactly 2", "at least 1", "none". */
export function describeCount(range: CountRange): string {
  if (range.max === 0) return 'none';
  if (range.min === range.max) return `exactly ${range.min}`;
  if (range.max === Infinity) return `at least ${range.min}`;
  return range.min === 0 ? `at most ${range.max}` : `between ${range.min} and ${range.max}`;
}
