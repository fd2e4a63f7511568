import type { SpanCount } from '../../dsl/pattern-options.js';

/** Inclusive bounds; `max` is Infinity when unbounded. */
export interface CountBounds {
  readonly min: number;
  readonly max: number;
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The bounds a count stands for, or a sentence saying why it is not a count. */
export function countBounds(count: SpanCount | undefined): CountBounds | string {
  if (count === undefined) return { min: 1, max: Infinity };
  if (count === 'none') return { min: 0, max: 0 };
  if (typeof count === 'number')
    return isCount(count) ? { min: count, max: count } : `count must be a non-negative integer, got ${String(count)}`;
  if (typeof count !== 'object' || count === null) return "count must be a number, { atLeast, atMost } or 'none'";
  const { atLeast, atMost } = count;
  if (atLeast === undefined && atMost === undefined) return 'count needs atLeast or atMost';
  if (atLeast !== undefined && !isCount(atLeast))
    return `count.atLeast must be a non-negative integer, got ${String(atLeast)}`;
  if (atMost !== undefined && !isCount(atMost))
    return `count.atMost must be a non-negative integer, got ${String(atMost)}`;
  const bounds = { min: atLeast ?? 0, max: atMost ?? Infinity };
  return bounds.min > bounds.max ? `count.atLeast (${bounds.min}) is above count.atMost (${bounds.max})` : bounds;
}

/** The bounds in words: "exactly 2 spans", "at least 1 span", "no span". */
export function describeBounds(bounds: CountBounds): string {
  const spans = (n: number): string => `${n} ${n === 1 ? 'span' : 'spans'}`;
  if (bounds.max === 0) return 'no span';
  if (bounds.min === bounds.max) return `exactly ${spans(bounds.min)}`;
  if (bounds.max === Infinity) return `at least ${spans(bounds.min)}`;
  return bounds.min === 0 ? `at most ${spans(bounds.max)}` : `between ${bounds.min} and ${spans(bounds.max)}`;
}

/** The count as the hint line's second argument: `2`, `{ atLeast: 1, atMost: 3 }`, `'none'`. */
export function formatCountArgument(count: SpanCount): string {
  if (typeof count !== 'object') return typeof count === 'string' ? `'${count}'` : String(count);
  const parts = [];
  if (count.atLeast !== undefined) parts.push(`atLeast: ${count.atLeast}`);
  if (count.atMost !== undefined) parts.push(`atMost: ${count.atMost}`);
  return `{ ${parts.join(', ')} }`;
}
