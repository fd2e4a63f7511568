import type { SpanRecord } from '../model/span.js';
import type { SpanLookup } from './span-lookup.js';
import { TraceAssembler } from './trace-assembler.js';
import type { TraceTree } from './trace-tree.js';

export interface ForestAssemblerOptions {
  /** Where links look for their targets. Default: the spans this forest holds, across all its traces. */
  readonly lookup?: SpanLookup;
}

/** Assembles many traces at once from spans in any order and batches; each trace is read as a TraceTree. */
export class ForestAssembler {
  readonly #traces = new Map<string, TraceAssembler>();
  readonly #lookup: SpanLookup;

  constructor(options: ForestAssemblerOptions = {}) {
    this.#lookup = options.lookup ?? this.span;
  }

  /** Finds a span of any trace in this forest: the default link lookup. */
  readonly span: SpanLookup = (traceId, spanId) => this.#traces.get(traceId)?.span(spanId);

  /** Adds spans of any traces; a repeated (traceId, spanId, kind) keeps the first copy. Returns how many were new. */
  add(spans: Iterable<SpanRecord>): number {
    let added = 0;
    let trace: TraceAssembler | undefined;
    for (const span of spans) {
      // Exporters batch by trace, so the previous span's trace is usually this one's too.
      if (trace?.traceId !== span.traceId) trace = this.#traceFor(span.traceId);
      if (trace.addSpan(span)) added++;
    }
    return added;
  }

  #traceFor(traceId: string): TraceAssembler {
    let trace = this.#traces.get(traceId);
    if (trace === undefined) {
      trace = new TraceAssembler(traceId);
      this.#traces.set(traceId, trace);
    }
    return trace;
  }

  /** Trace ids seen so far, in first-arrival order. */
  traceIds(): IterableIterator<string> {
    return this.#traces.keys();
  }

  /** One trace as a tree; an empty tree when none of its spans arrived. */
  tree(traceId: string): TraceTree {
    return (this.#traces.get(traceId) ?? new TraceAssembler(traceId)).tree(this.#lookup);
  }

  /** Every trace as a tree, keyed and ordered by trace id so the result does not depend on arrival order. */
  trees(): Map<string, TraceTree> {
    const traceIds = [...this.#traces.keys()].sort();
    return new Map(traceIds.map((traceId) => [traceId, this.tree(traceId)]));
  }
}
