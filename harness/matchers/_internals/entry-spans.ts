import type { SpanNode } from '../../forest/span-node.js';

/** The spans of `nodes` with no ancestor among `nodes`: where each matching part of the trace begins. */
export function entrySpans(nodes: readonly SpanNode[]): SpanNode[] {
  const set = new Set(nodes);
  return nodes.filter((node) => {
    for (let above = node.parent; above !== undefined; above = above.parent) if (set.has(above)) return false;
    return true;
  });
}
