import type { SpanRecord } from '../model/span.js';
import type { SpanLookup } from './span-lookup.js';
import { TraceAssembler } from './trace-assembler.js';
import type { TraceTree } from './trace-tree.js';
import { buildDistinctTree } from './_internals/build-distinct-tree.js';

/**
 * Assembles the spans of one trace into a tree (empty when there are none). Links resolve against `lookup`, by
 * default within the trace. Throws InvalidArgumentError for a span of another trace.
 */
export function assembleTrace(traceId: string, spans: Iterable<SpanRecord>, lookup?: SpanLookup): TraceTree {
  const list = Array.isArray(spans) ? (spans as readonly SpanRecord[]) : [...spans];
  // The one-pass builder when it applies (the usual trace); the assembler otherwise, and for its errors.
  if (
    list.length > 0 &&
    list.every((span) => span.traceId === traceId && (lookup !== undefined || span.links.length === 0))
  ) {
    const tree = buildDistinctTree(traceId, list, lookup ?? noLookup);
    if (tree !== undefined) return tree;
  }
  const assembler = new TraceAssembler(traceId);
  assembler.add(list);
  return assembler.tree(lookup);
}

// Never called: the one-pass path takes no lookup only when no span has a link.
const noLookup: SpanLookup = () => undefined;
