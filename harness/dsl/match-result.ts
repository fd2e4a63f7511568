import type { SpanNode } from '../forest/span-node.js';
import type { TraceTree } from '../forest/trace-tree.js';
import type { CountRange } from './_internals/count-range.js';
import type { SpanPattern } from './span-pattern.js';

/**
 * Where a pattern node sits in the pattern: the indexes of the requirements followed from the top
 * (`[]` is the top, `[1, 0]` the first requirement of the top's second requirement).
 */
export type PatternPath = readonly number[];

/** The spans one pattern node matched (over every span its parent node was bound to). */
export interface PatternBinding {
  readonly path: PatternPath;
  readonly pattern: SpanPattern;
  readonly spans: readonly SpanNode[];
}

/** The pattern matched; bindings list every pattern node, top first, in pattern order (depth first). */
export interface MatchSuccess {
  readonly kind: 'match';
  readonly traceId: string;
  readonly pattern: SpanPattern;
  readonly bindings: readonly PatternBinding[];
}

/** Why a pattern node could not be satisfied. */
export type DivergenceReason =
  /** No span in the searched scope matched the node. */
  | 'not-found'
  /** Spans matched, but too few (or too few distinct ones) or too many. */
  | 'count'
  /** Every requirement found its spans, but not in the declared start order. */
  | 'order'
  /** A span matched everything except that it is not the root of its trace. */
  | 'not-root';

/** Where a candidate span sits, relative to where the pattern node was sought. */
export type CandidateLocation =
  /** Where it was sought (a child, or any descendant for `>>`). */
  | 'in-scope'
  /** Below the sought parent, but deeper than a direct child. */
  | 'deeper'
  /** Elsewhere in this trace, under a span that is not the sought parent. */
  | 'elsewhere'
  /** In this trace, below a span whose parent never arrived (an orphaned hop). */
  | 'orphaned'
  /** In another trace (a restarted hop), found through `MatchContext.elsewhere`. */
  | 'other-trace';

/** One constraint a candidate failed, both sides in selector words (`service=worker`, `service=api`). */
export interface ConstraintFailure {
  readonly constraint: string;
  readonly actual: string;
}

/** A span that came close to a pattern node, scored by how many of the node's constraints it satisfies. */
export interface Candidate {
  readonly node: SpanNode;
  readonly traceId: string;
  readonly location: CandidateLocation;
  /** For `orphaned`: the parent span id that never arrived. */
  readonly missingParentId?: string;
  readonly satisfied: number;
  readonly total: number;
  /** Empty when the span matches the node entirely (then it is only in the wrong place). */
  readonly failures: readonly ConstraintFailure[];
}

/** The first point where the trace leaves the pattern. */
export interface Divergence {
  readonly reason: DivergenceReason;
  readonly path: PatternPath;
  /** The pattern node that could not be satisfied. */
  readonly pattern: SpanPattern;
  readonly relation: 'top' | 'child' | 'descendant';
  /** The count the node needed under its parent (`{ min: 1, max: Infinity }` at the top). */
  readonly count: CountRange;
  /** The actual span under which the node was sought; undefined at the top. */
  readonly parent: SpanNode | undefined;
  /** Spans that did match the node there (for `count` and `order`). */
  readonly found: readonly SpanNode[];
  /** Nearest spans, best first (at most a few); only where spans are missing (`not-found`, or too few). */
  readonly candidates: readonly Candidate[];
}

/** The pattern did not match; `divergence` says where and why. */
export interface MatchFailure {
  readonly kind: 'mismatch';
  readonly traceId: string;
  readonly pattern: SpanPattern;
  readonly divergence: Divergence;
}

/** What `matchTrace` returns. */
export type MatchResult = MatchSuccess | MatchFailure;

/** Extra places to look when explaining a mismatch; never consulted when the pattern matches. */
export interface MatchContext {
  /**
   * Other traces (for example every other trace in the store), searched for a span that matches the failing
   * node but sits in another trace. A function is called only on a mismatch, so it may be costly.
   */
  readonly elsewhere?: Iterable<TraceTree> | (() => Iterable<TraceTree>);
}
