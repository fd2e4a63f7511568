import type fc from 'fast-check';
import { assembleTrace } from '../forest/assemble-trace.js';
import type { TraceTree } from '../forest/trace-tree.js';
import type { SpanRecord } from '../model/span.js';
import type { SpanShapeOptions } from './span-shape.js';
import { spanForestArbitrary } from './span-forest.js';

/** Options of `spanTreeArbitrary` and `traceTreeArbitrary`. */
export interface SpanTreeOptions extends SpanShapeOptions {
  /** Links between spans of the trace and to spans never collected. Default false. */
  readonly links?: boolean;
}

/**
 * The spans of one trace with a single root, parents before children: every span reaches the root, so the
 * assembled tree has no orphans.
 */
export function spanTreeArbitrary(options: SpanTreeOptions = {}): fc.Arbitrary<SpanRecord[]> {
  return spanForestArbitrary({ ...options, links: options.links ?? false, maxTraces: 1, maxRootsPerTrace: 1 });
}

/** One trace assembled into a TraceTree (see `spanTreeArbitrary` for what it holds). */
export function traceTreeArbitrary(options: SpanTreeOptions = {}): fc.Arbitrary<TraceTree> {
  return spanTreeArbitrary(options).map((spans) => assembleTrace(spans[0]!.traceId, spans));
}
