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

/** Up to this many spans, `node()` walks the tree instead of indexing it. */
const SMALL_TREE = 16;

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
    if (this.#index === undefined && this.spanCount <= SMALL_TREE) return this.#scan(spanId, kind);
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

  // A small tree is searched instead of indexed: most trees are read by id once or twice, if at all.
  #scan(spanId: string, kind: SpanKind | undefined): SpanNode | undefined {
    let best: SpanNode | undefined;
    for (const tops of [this.roots, this.orphans, this.cycles]) {
      for (const top of tops) best = searchBelow(top, spanId, kind, best);
    }
    return best;
  }

  #nodeIndex(): Map<string, SpanNode | SpanNode[]> {
    if (this.#index !== undefined) return this.#index;
    const index = new Map<string, SpanNode | SpanNode[]>();
    // Pre-order as walk() visits, with an explicit stack instead of generators: this runs once per trace read by id.
    const stack: SpanNode[] = [];
    for (const tops of [this.roots, this.orphans, this.cycles]) {
      for (const top of tops) {
        stack.push(top);
        for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
          const existing = index.get(node.span.spanId);
          if (existing === undefined) index.set(node.span.spanId, node);
          else if (Array.isArray(existing)) existing.push(node);
          else index.set(node.span.spanId, [existing, node]);
          const children = node.children;
          for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
        }
      }
    }
    this.#index = index;
    return index;
  }
}

/**
 * The node of `spanId` at or below `node` (pre-order), given the best found so far: with `kind`, the first of that
 * kind; without, the first of the kind ranked first. Recursive: only small trees (SMALL_TREE) are searched.
 */
function searchBelow(node: SpanNode, spanId: string, kind: SpanKind | undefined, best: SpanNode | undefined) {
  if (best !== undefined && kind !== undefined) return best;
  const span = node.span;
  if (
    span.spanId === spanId &&
    (kind === undefined ? best === undefined || kindRank(span.kind) < kindRank(best.span.kind) : span.kind === kind)
  ) {
    best = node;
  }
  for (const child of node.children) best = searchBelow(child, spanId, kind, best);
  return best;
}
