import type { SpanRecord } from '../model/span.js';
import type { SpanLookup } from './span-lookup.js';
import { TraceAssembler } from './trace-assembler.js';
import type { TraceTree } from './trace-tree.js';

/**
 * Assembles the spans of one trace into a tree (empty when there are none). Links resolve against `lookup`, by
 * default within the trace. Throws InvalidArgumentError for a span of another trace.
 */
export function assembleTrace(traceId: string, spans: Iterable<SpanRecord>, lookup?: SpanLookup): TraceTree {
  const assembler = new TraceAssembler(traceId);
  assembler.add(spans);
  return assembler.tree(lookup);
}
