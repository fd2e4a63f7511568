import type { SpanLink, SpanRecord } from '../model/span.js';

/** One link of a span, with the span it points to when that span was collected (possibly in another trace). */
export interface ResolvedLink {
  readonly link: SpanLink;
  readonly target: SpanRecord | undefined;
}

/**
 * One span in its trace tree. `parent` is undefined for roots, orphans and cut cycles; `children` are in
 * canonical order (start time, span id, kind); `depth` is 0 at the top of each subtree.
 */
export interface SpanNode {
  readonly span: SpanRecord;
  readonly parent: SpanNode | undefined;
  readonly children: readonly SpanNode[];
  readonly links: readonly ResolvedLink[];
  readonly depth: number;
}

/** Every node below `node`, depth first, in canonical order (the node itself excluded). */
export function* descendants(node: SpanNode): IterableIterator<SpanNode> {
  // An explicit stack: instrumentation bugs can make chains deep enough to overflow recursion.
  const stack: SpanNode[] = [];
  for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    yield next;
    for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
  }
}

/** The nodes above `node`, nearest first. */
export function* ancestors(node: SpanNode): IterableIterator<SpanNode> {
  for (let above = node.parent; above !== undefined; above = above.parent) yield above;
}
