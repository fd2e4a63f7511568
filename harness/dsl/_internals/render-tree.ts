import type { SpanNode } from '../../forest/span-node.js';
import type { TraceTree } from '../../forest/trace-tree.js';
import { spanLabel } from './span-label.js';

/** Notes to print after a span's line, and lines to add as extra last children of it. */
export interface TreeMarks {
  readonly notes: ReadonlyMap<SpanNode, string>;
  readonly extraChildren: ReadonlyMap<SpanNode, string>;
  /** A line printed above the tops, for a note about the whole trace. */
  readonly header?: string;
}

/** Traces up to this many spans are drawn whole; larger ones keep the marked spans and their surroundings. */
export const WHOLE_TREE_LIMIT = 40;
// Around a marked span, this many of its children stay visible.
const CHILDREN_AROUND = 8;
// Chains of unmarked spans longer than this are shortened to their ends.
const CHAIN_LIMIT = 6;

const subtreeSize = (node: SpanNode): number => {
  let size = 0;
  const stack = [node];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    size++;
    stack.push(...next.children);
  }
  return size;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The spans to draw: everything in a small trace; else the marked spans, their ancestors and some children. */
function visibleSet(tree: TraceTree, marks: TreeMarks): Set<SpanNode> | undefined {
  if (tree.spanCount <= WHOLE_TREE_LIMIT) return undefined;
  const visible = new Set<SpanNode>();
  const focus = [...marks.notes.keys(), ...marks.extraChildren.keys()];
  for (const node of focus) {
    for (let above: SpanNode | undefined = node; above !== undefined; above = above.parent) visible.add(above);
    for (const child of node.children.slice(0, CHILDREN_AROUND)) visible.add(child);
  }
  if (visible.size === 0) for (const top of tree.tops.slice(0, CHILDREN_AROUND)) visible.add(top);
  return visible;
}

/** The trace as an ASCII tree with notes on marked spans; large traces are elided around the marks. */
export function renderTree(tree: TraceTree, marks: TreeMarks): string[] {
  const visible = visibleSet(tree, marks);
  const shown = (node: SpanNode) => visible === undefined || visible.has(node);
  const lines: string[] = marks.header === undefined ? [] : [marks.header];
  const orphans = new Set(tree.orphans);
  const cycles = new Set(tree.cycles);
  const draw = (node: SpanNode, lead: string, branch: string, rest: string): void => {
    let label = spanLabel(node.span);
    if (orphans.has(node)) label += ` [orphan: parent ${node.span.parentSpanId} never arrived]`;
    if (cycles.has(node)) label += ' [parent loop cut here]';
    const note = marks.notes.get(node);
    lines.push(`${lead}${branch}${label}${note === undefined ? '' : `  ${note}`}`);
    let current = node;
    // A long run of unmarked single-child spans (deep middleware chains) is drawn as its ends only.
    const chain: SpanNode[] = [];
    for (let next = onlyShownChild(current); next !== undefined && isPlain(next); next = onlyShownChild(next)) {
      chain.push(next);
    }
    if (chain.length > CHAIN_LIMIT) {
      // Drawn: the head and the last link; elided: the links between and whatever hidden hangs off them.
      const skipped = chain.slice(0, -1);
      const offshoots = [node, ...skipped.slice(0, -1)].reduce((sum, n) => sum + hiddenBelow(n), 0);
      const beside = offshoots === 0 ? '' : `, with ${plural(offshoots, 'more span')} beside them`;
      lines.push(`${lead}${rest}⋮ ${plural(skipped.length, 'level')} elided${beside}`);
      current = chain[chain.length - 2]!;
    }
    drawChildren(current, lead + rest);
  };
  const isPlain = (node: SpanNode) => !marks.notes.has(node) && !marks.extraChildren.has(node);
  const onlyShownChild = (node: SpanNode): SpanNode | undefined => {
    const visibleChildren = node.children.filter(shown);
    return visibleChildren.length === 1 ? visibleChildren[0] : undefined;
  };
  const hiddenBelow = (node: SpanNode): number =>
    node.children.filter((child) => !shown(child)).reduce((sum, child) => sum + subtreeSize(child), 0);
  const drawChildren = (node: SpanNode, lead: string): void => {
    const children = node.children.filter(shown);
    const hidden = hiddenBelow(node);
    const extra = marks.extraChildren.get(node);
    const tail = [...(hidden > 0 ? [`… ${plural(hidden, 'more span')}`] : []), ...(extra === undefined ? [] : [extra])];
    children.forEach((child, k) => {
      const last = k === children.length - 1 && tail.length === 0;
      draw(child, lead, last ? '└─ ' : '├─ ', last ? '   ' : '│  ');
    });
    tail.forEach((line, k) => lines.push(`${lead}${k === tail.length - 1 ? '└─ ' : '├─ '}${line}`));
  };
  const tops = tree.tops.filter(shown);
  for (const top of tops) draw(top, '', '', '');
  const hiddenTops = tree.tops.filter((top) => !shown(top));
  if (hiddenTops.length > 0) {
    const hidden = hiddenTops.reduce((sum, top) => sum + subtreeSize(top), 0);
    lines.push(`… ${plural(hidden, 'more span')} under ${plural(hiddenTops.length, 'other top')}`);
  }
  if (tree.spanCount === 0) lines.push('(no spans)');
  return lines;
}
