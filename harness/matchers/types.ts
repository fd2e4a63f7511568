import type { SpanCount } from '../dsl/pattern-options.js';
import type { SpanPattern } from '../dsl/span-pattern.js';
import type { LogRecord } from '../model/log.js';
import type { HopSpec } from './_internals/hop.js';
import type { CorrelatedLogsOptions } from './to-have-correlated-logs.js';

export type { HopSpec, HopVia } from './_internals/hop.js';
export type { TraceSource, TraceWithContext } from './_internals/trace-subject.js';
export type { CorrelatedLogsOptions } from './to-have-correlated-logs.js';

/** What a matcher call returns: a promise to await when the received value is itself a promise (a pending trace). */
export type MatcherReturn<R, T> = T extends PromiseLike<unknown> ? Promise<void> : R;

/**
 * The matchers `tracegate/jest` and `tracegate/vitest` add to `expect`. The received value is a TraceTree (or
 * `{ tree, store }`, or a promise of either); `toHaveRecordedError` also takes a single span. `T` is the received
 * value's type, as jest and vitest pass it.
 */
export interface TracegateMatchers<R = unknown, T = unknown> {
  /** The trace matches the span pattern (a pattern or selector text); a failure draws the tree with the break marked. */
  toMatchSpanTree(pattern: SpanPattern | string): MatcherReturn<R, T>;
  /** The number of spans matching the pattern is within `count` (default: at least one). */
  toContainSpan(pattern: SpanPattern | string, count?: SpanCount): MatcherReturn<R, T>;
  /** No span names a parent that never arrived. */
  toHaveNoOrphans(): MatcherReturn<R, T>;
  /** A downstream span continues this trace from an upstream span, as a child or by a span link as allowed. */
  toBeContinuousAcross(hop: HopSpec): MatcherReturn<R, T>;
  /** ERROR status plus an `exception` event with type, message and stacktrace (on every failing span of a trace). */
  toHaveRecordedError(): MatcherReturn<R, T>;
  /** Every log of this trace's request carries its trace id and a span id of its own service; no leaked ids. */
  toHaveCorrelatedLogs(logs: readonly LogRecord[], options?: CorrelatedLogsOptions): MatcherReturn<R, T>;
}
