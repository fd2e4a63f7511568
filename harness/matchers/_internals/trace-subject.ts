import type { Store } from '../../collect/store.js';
import { assembleTrace } from '../../forest/assemble-trace.js';
import { storeSpanLookup } from '../../forest/span-lookup.js';
import type { TraceTree } from '../../forest/trace-tree.js';
import { originOf } from '../../harness-origins.js';
import type { MatcherContextLike } from './matcher-context.js';
import type { UsageProblem } from './received.js';
import { describeValue, isTraceTree, usageError } from './received.js';

/** The part of a Store the matchers read other traces from. */
export type TraceSource = Pick<Store, 'traceIds' | 'trace' | 'span'>;

/**
 * A trace to judge, with where its other traces are: a store, or trees. Matchers use the others to name a
 * broken hop's spans that went to another trace (a restarted hop).
 */
export interface TraceWithContext {
  readonly tree: TraceTree;
  readonly store?: TraceSource;
  readonly trees?: Iterable<TraceTree> | ReadonlyMap<string, TraceTree>;
}

/** The received trace and, lazily, every other trace it can be compared with. */
export interface TraceSubject {
  readonly tree: TraceTree;
  /** Other traces (never the subject's own), assembled on demand; empty when nothing says where they are. */
  others(): Iterable<TraceTree>;
}

function* fromStore(store: TraceSource, ownTraceId: string): IterableIterator<TraceTree> {
  const lookup = storeSpanLookup(store as Store);
  for (const traceId of [...store.traceIds()]) {
    if (traceId !== ownTraceId) yield assembleTrace(traceId, store.trace(traceId), lookup);
  }
}

function* fromTrees(trees: TraceWithContext['trees'], ownTraceId: string): IterableIterator<TraceTree> {
  if (trees === undefined) return;
  const list =
    trees instanceof Map ? (trees as ReadonlyMap<string, TraceTree>).values() : (trees as Iterable<TraceTree>);
  for (const tree of list) if (tree.traceId !== ownTraceId) yield tree;
}

function isStore(value: unknown): value is TraceSource {
  const store = value as Partial<TraceSource> | null;
  return typeof store?.traceIds === 'function' && typeof store.trace === 'function' && typeof store.span === 'function';
}

/**
 * Reads what a matcher received: a TraceTree (a harness's tree knows its store), or `{ tree, store }` /
 * `{ tree, trees }`. Anything else, or a trace without spans, is a usage error.
 */
export function traceSubject(
  context: MatcherContextLike | undefined,
  usage: Omit<UsageProblem, 'problem' | 'value'>,
  received: unknown,
): TraceSubject {
  const given = received as Partial<TraceWithContext> | null;
  const wrapped = !isTraceTree(received) && typeof given === 'object' && given !== null && isTraceTree(given.tree);
  const tree = wrapped ? given.tree : received;
  if (!isTraceTree(tree)) {
    return usageError(context, {
      ...usage,
      problem: 'received value must be a TraceTree, or { tree, store } / { tree, trees }',
      value: describeValue(received),
    });
  }
  if (tree.spanCount === 0) {
    return usageError(context, {
      ...usage,
      problem: `trace ${tree.traceId} has no spans; wait for them first (harness.trace(id, { until }) or waitForTrace)`,
    });
  }
  const store = wrapped ? given.store : originOf(tree);
  if (store !== undefined && !isStore(store)) {
    return usageError(context, { ...usage, problem: 'received.store must be a tracegate Store' });
  }
  const trees = wrapped ? given.trees : undefined;
  return {
    tree,
    others: () => (store !== undefined ? fromStore(store, tree.traceId) : fromTrees(trees, tree.traceId)),
  };
}

/** The received tree alone, checked the same way (for matchers that look at one trace only). */
export function requireTree(
  context: MatcherContextLike | undefined,
  usage: Omit<UsageProblem, 'problem' | 'value'>,
  received: unknown,
): TraceTree {
  return traceSubject(context, usage, received).tree;
}
