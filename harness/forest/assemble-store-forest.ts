import type { Store } from '../collect/store.js';
import { TraceAssembler } from './trace-assembler.js';
import { storeSpanLookup } from './span-lookup.js';
import type { TraceTree } from './trace-tree.js';
import type { SpanRecord } from '../model/span.js';
import type { SpanLookup } from './span-lookup.js';
import { buildDistinctTree } from './_internals/build-distinct-tree.js';

/**
 * Every trace of a store, assembled: equal to `assembleForest(store.spans(), storeSpanLookup(store))` (keyed and
 * ordered by trace id, links resolved across traces) but reading each trace once, as one array, and building
 * traces without repeated span ids or loops in a single pass.
 */
export function assembleStoreForest(store: Store): Map<string, TraceTree> {
  const lookup = storeSpanLookup(store);
  const traceIds = [...store.traceIds()].sort();
  const forest = new Map<string, TraceTree>();
  for (const traceId of traceIds) {
    const spans = store.trace(traceId);
    forest.set(traceId, buildDistinctTree(traceId, spans, lookup) ?? generalTree(traceId, spans, lookup));
  }
  return forest;
}

function generalTree(traceId: string, spans: readonly SpanRecord[], lookup: SpanLookup): TraceTree {
  const assembler = new TraceAssembler(traceId);
  assembler.add(spans);
  return assembler.tree(lookup);
}
