import type { SpanRecord } from '../model/span.js';
import { ForestAssembler } from './forest-assembler.js';
import type { SpanLookup } from './span-lookup.js';
import type { TraceTree } from './trace-tree.js';

/**
 * Assembles spans of any number of traces into one tree per trace, keyed and ordered by trace id. Links resolve
 * against `lookup`, by default against the given spans.
 */
export function assembleForest(spans: Iterable<SpanRecord>, lookup?: SpanLookup): Map<string, TraceTree> {
  const forest = new ForestAssembler(lookup === undefined ? {} : { lookup });
  forest.add(spans);
  return forest.trees();
}
