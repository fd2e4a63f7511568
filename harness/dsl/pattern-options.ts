import type { AttributeValue } from '../model/attributes.js';
import type { StatusCode } from '../model/span.js';
import type { SpanPattern } from './span-pattern.js';

/** Marks an attribute that must be set, whatever its value. */
export const present: unique symbol = Symbol.for('tracegate.dsl.present');
/** Marks an attribute that must not be set. */
export const absent: unique symbol = Symbol.for('tracegate.dsl.absent');

/** Tests a value that is set; an attribute that is not set fails without calling it. */
export type AttributePredicate = (value: AttributeValue) => boolean;

/**
 * What one attribute must be: an exact value (numbers and bigints compare by value, arrays element by element),
 * a RegExp tested against string values, a predicate, or the `present` / `absent` markers.
 */
export type AttributeExpectation = AttributeValue | RegExp | AttributePredicate | typeof present | typeof absent;

/** Expected attributes by key. */
export type AttributeExpectations = Readonly<Record<string, AttributeExpectation>>;

/**
 * How many spans (or events, or links) must match: exactly n, a range, or `'none'` (a negative requirement).
 * `0` means the same as `'none'`.
 */
export type SpanCount = number | { readonly atLeast?: number; readonly atMost?: number } | 'none';

/** An event the span must carry (by default at least one matching event). */
export interface EventPattern {
  readonly name?: string | RegExp;
  readonly attributes?: AttributeExpectations;
  readonly count?: SpanCount;
}

/** Links the span must carry (by default at least one matching link). */
export interface LinkPattern {
  /** The linked span, when collected, must satisfy this pattern's own constraints (its children are ignored). */
  readonly target?: SpanPattern;
  readonly attributes?: AttributeExpectations;
  readonly count?: SpanCount;
}

/** Duration bounds in milliseconds: `minMs`/`maxMs` are inclusive, `aboveMs`/`belowMs` exclusive. */
export interface DurationBounds {
  readonly minMs?: number;
  readonly maxMs?: number;
  readonly aboveMs?: number;
  readonly belowMs?: number;
}

/** Constraints on one span besides its kind and name. */
export interface SpanPatternOptions {
  /** `service.name` of the span's resource: exact, or a RegExp. */
  readonly service?: string | RegExp;
  readonly attributes?: AttributeExpectations;
  readonly status?: StatusCode;
  readonly events?: readonly EventPattern[];
  readonly links?: readonly LinkPattern[];
  readonly duration?: DurationBounds;
  /** The span must start its trace (no parent span id). */
  readonly root?: boolean;
}
