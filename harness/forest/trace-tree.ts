import type { SpanKind } from '../model/span.js';
import type { SpanNode } from './span-node.js';
import { descendants } from './span-node.js';
import { kindRank } from './span-order.js';

/** The parts a trace tree is made of; every span of the trace sits below exactly one of the tops. */
export interface TraceTreeParts {
  readonly traceId: string;
  /** Spans without a parent span id, in canonical order. */
  readonly roots: readonly SpanNode[];
  /** Spans whose parent span id names a span that never arrived; each heads its own subtree. */
  readonly orphans: readonly SpanNode[];
  /** Spans whose parent chain loops back on itself; each is cut from its parent and heads its subtree. */
  readonly cycles: readonly SpanNode[];
  readonly spanCount: number;
}

/** One trace assembled into a tree: an immutable value; later spans produce a new tree. */
export class TraceTree implements TraceTreeParts {
  readonly traceId: string;
  readonly roots: readonly SpanNode[];
  readonly orphans: readonly SpanNode[];
  readonly cycles: readonly SpanNode[];
  readonly spanCount: number;
  // Built on the first lookup by id: most readers only walk the tree.
  #index: Map<string, SpanNode | SpanNode[]> | undefined;

  constructor(parts: TraceTreeParts) {
    this.traceId = parts.traceId;
    this.roots = parts.roots;
    this.orphans = parts.orphans;
    this.cycles = parts.cycles;
    this.spanCount = parts.spanCount;
  }

  /** True when some span's parent never arrived. */
  get hasOrphans(): boolean {
    return this.orphans.length > 0;
  }

  /** The heads of all subtrees: roots, then orphans, then cut cycles. */
  get tops(): readonly SpanNode[] {
    return [...this.roots, ...this.orphans, ...this.cycles];
  }

  /** The node of a span id; a reused id without `kind` answers with the node of the first kind in SPAN_KINDS. */
  node(spanId: string, kind?: SpanKind): SpanNode | undefined {
    const found = this.#nodeIndex().get(spanId);
    if (found === undefined || !Array.isArray(found)) {
      return kind === undefined || found?.span.kind === kind ? found : undefined;
    }
    if (kind !== undefined) return found.find((node) => node.span.kind === kind);
    return found.reduce((first, node) => (kindRank(node.span.kind) < kindRank(first.span.kind) ? node : first));
  }

  /** Every node, depth first (pre-order), tops in order and children in canonical order. */
  *walk(): IterableIterator<SpanNode> {
    for (const top of this.tops) {
      yield top;
      yield* descendants(top);
    }
  }

  #nodeIndex(): Map<string, SpanNode | SpanNode[]> {
    if (this.#index !== undefined) return this.#index;
    const index = new Map<string, SpanNode | SpanNode[]>();
    for (const node of this.walk()) {
      const existing = index.get(node.span.spanId);
      if (existing === undefined) index.set(node.span.spanId, node);
      else if (Array.isArray(existing)) existing.push(node);
      else index.set(node.span.spanId, [existing, node]);
    }
    this.#index = index;
    return index;
  }
}
