import type { SpanNode } from '../../forest/span-node.js';
import type { TraceTree } from '../../forest/trace-tree.js';

/**
 * A trace's nodes numbered in pre-order (the order of tree.walk()), so "is below" is an interval test: node j
 * lies below node i exactly when i < j < end[i].
 */
export interface TraceIndex {
  readonly tree: TraceTree;
  readonly nodes: readonly SpanNode[];
  /** One past the last node of each node's subtree. */
  readonly end: Int32Array;
  /** The position of the top (root, orphan or cut cycle) heading each node's subtree. */
  readonly top: Int32Array;
}

// Trees are immutable values, so an index built once serves every later match against the same tree.
const INDEXES = new WeakMap<TraceTree, TraceIndex>();

/** The index of a tree, built on first use. */
export function traceIndex(tree: TraceTree): TraceIndex {
  const cached = INDEXES.get(tree);
  if (cached !== undefined) return cached;
  const nodes: SpanNode[] = [];
  const parentOf: number[] = [];
  const top: number[] = [];
  // An explicit stack of (node, parent position): instrumentation bugs can make chains deep enough to overflow
  // recursion, and it is faster than the walk() generator.
  const stack: (SpanNode | number)[] = [];
  const tops = tree.tops;
  for (let t = tops.length - 1; t >= 0; t--) stack.push(tops[t]!, -1);
  while (stack.length > 0) {
    const parent = stack.pop() as number;
    const node = stack.pop() as SpanNode;
    const position = nodes.length;
    nodes.push(node);
    parentOf.push(parent);
    top.push(parent === -1 ? position : top[parent]!);
    const children = node.children;
    for (let c = children.length - 1; c >= 0; c--) stack.push(children[c]!, position);
  }
  const end = new Int32Array(nodes.length);
  for (let i = nodes.length - 1; i >= 0; i--) {
    // A subtree ends where its last node's subtree ends; in reverse pre-order every child is done first.
    if (end[i] === 0) end[i] = i + 1;
    const parent = parentOf[i]!;
    if (parent !== -1 && end[parent] === 0) end[parent] = end[i]!;
  }
  const index: TraceIndex = { tree, nodes, end, top: Int32Array.from(top) };
  INDEXES.set(tree, index);
  return index;
}
