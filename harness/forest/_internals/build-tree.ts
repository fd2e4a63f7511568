import type { SpanRecord } from '../../model/span.js';
import type { ResolvedLink, SpanNode } from '../span-node.js';
import type { SpanLookup } from '../span-lookup.js';
import { TraceTree } from '../trace-tree.js';
import { compareSpans } from '../span-order.js';
import type { ChildGroup, RecordsById } from './child-groups.js';
import { isPrimary, sortedSpans } from './child-groups.js';
import { cutCycles } from './cut-cycles.js';

/** A node while its tree is being built; published as a read-only SpanNode. */
export interface NodeUnderConstruction extends SpanNode {
  children: readonly SpanNode[];
}

/** What one trace's assembly state holds, read by the builder. */
export interface TraceState {
  readonly traceId: string;
  readonly records: RecordsById;
  readonly groups: Map<string, ChildGroup>;
  readonly spanCount: number;
}

/** A built tree and every link in it, which a cached tree re-resolves before it is reused. */
export interface BuiltTree {
  readonly tree: TraceTree;
  readonly links: readonly ResolvedLink[];
}

// Most spans are leaves without links, and most traces have no orphans or loops: they share these empty lists.
export const NO_RESOLVED_LINKS: readonly ResolvedLink[] = Object.freeze([]);
export const NO_NODES: readonly SpanNode[] = Object.freeze([]);

/** Builds nodes for one trace; `grow` places a subtree, skipping spans in `placed` when cycles are being cut. */
export class NodeFactory {
  links: ResolvedLink[] | undefined;
  placedCount = 0;

  readonly #state: TraceState;
  readonly #lookup: SpanLookup;

  constructor(state: TraceState, lookup: SpanLookup) {
    this.#state = state;
    this.#lookup = lookup;
  }

  node(span: SpanRecord, parent: SpanNode | undefined, depth: number): NodeUnderConstruction {
    return { span, parent, children: NO_NODES, links: this.#resolve(span), depth };
  }

  /** Nodes heading subtrees, one per span, each grown to its full depth. */
  tops(spans: readonly SpanRecord[]): NodeUnderConstruction[] {
    return spans.map((span) => {
      const top = this.node(span, undefined, 0);
      this.grow(top);
      return top;
    });
  }

  grow(top: NodeUnderConstruction, placed?: Set<SpanRecord>): void {
    const stack = [top];
    placed?.add(top.span);
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      this.placedCount++;
      const group = this.#state.groups.get(node.span.spanId);
      if (group === undefined || !isPrimary(this.#state.records, node.span)) continue;
      const children: SpanNode[] = [];
      for (const span of sortedSpans(group)) {
        if (placed?.has(span)) continue;
        placed?.add(span);
        const child = this.node(span, node, node.depth + 1);
        children.push(child);
        stack.push(child);
      }
      if (children.length > 0) node.children = children;
    }
  }

  #resolve(span: SpanRecord): readonly ResolvedLink[] {
    if (span.links.length === 0) return NO_RESOLVED_LINKS;
    const links = (this.links ??= []);
    return span.links.map((link) => {
      const resolved = { link, target: this.#lookup(link.traceId, link.spanId) };
      links.push(resolved);
      return resolved;
    });
  }
}

/** Spans whose parent id names no span of the trace, in canonical order. */
function orphanSpans(state: TraceState): readonly SpanRecord[] {
  let orphans: SpanRecord[] | undefined;
  for (const [parentSpanId, group] of state.groups) {
    if (parentSpanId === '' || state.records.has(parentSpanId)) continue;
    (orphans ??= []).push(...group.spans);
  }
  return orphans === undefined ? [] : orphans.sort(compareSpans);
}

/** Assembles the current state of one trace into a tree. Linear in spans, plus sorting groups changed since. */
export function buildTree(state: TraceState, lookup: SpanLookup): BuiltTree {
  const factory = new NodeFactory(state, lookup);
  const rootGroup = state.groups.get('');
  const roots = rootGroup === undefined ? NO_NODES : factory.tops(sortedSpans(rootGroup));
  const orphans = factory.tops(orphanSpans(state));
  const cycles = factory.placedCount < state.spanCount ? cutCycles(state, factory, [roots, orphans]) : NO_NODES;
  const tree = new TraceTree({ traceId: state.traceId, roots, orphans, cycles, spanCount: state.spanCount });
  return { tree, links: factory.links ?? NO_RESOLVED_LINKS };
}
