import type { SpanRecord } from '../../model/span.js';
import type { SpanNode } from '../span-node.js';
import { descendants } from '../span-node.js';
import { compareSpans } from '../span-order.js';
import type { NodeFactory, NodeUnderConstruction, TraceState } from './build-tree.js';
import { primaryOf } from './child-groups.js';

function allRecords(state: TraceState): SpanRecord[] {
  const records: SpanRecord[] = [];
  for (const stored of state.records.values()) {
    if (Array.isArray(stored)) records.push(...stored);
    else records.push(stored);
  }
  return records;
}

/**
 * Places the spans no root or orphan reaches: their parent chains loop (a span that is its own ancestor). Each
 * loop is cut above its canonically first member, which then heads its subtree; the result does not depend on
 * arrival order. Runs only when such spans exist, so healthy traces never pay for it.
 */
export function cutCycles(
  state: TraceState,
  factory: NodeFactory,
  placedTops: readonly (readonly SpanNode[])[],
): NodeUnderConstruction[] {
  const placed = new Set<SpanRecord>();
  for (const top of placedTops.flat()) {
    placed.add(top.span);
    for (const node of descendants(top)) placed.add(node.span);
  }
  const cycles: NodeUnderConstruction[] = [];
  for (const start of allRecords(state).sort(compareSpans)) {
    if (placed.has(start)) continue;
    // Every unplaced span has an unplaced parent, so following parents from it must come back to a span seen.
    const chain = new Map<SpanRecord, number>();
    let current: SpanRecord = start;
    while (!chain.has(current)) {
      chain.set(current, chain.size);
      current = primaryOf(state.records, current.parentSpanId)!;
    }
    const loopStart = chain.get(current)!;
    const loop = [...chain.keys()].slice(loopStart);
    const cut = loop.reduce((first, span) => (compareSpans(span, first) < 0 ? span : first));
    const top = factory.node(cut, undefined, 0);
    factory.grow(top, placed);
    cycles.push(top);
  }
  return cycles.sort((a, b) => compareSpans(a.span, b.span));
}
