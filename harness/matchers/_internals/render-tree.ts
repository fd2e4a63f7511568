import type { SpanNode } from '../../forest/span-node.js';
import { ancestors, descendants } from '../../forest/span-node.js';
import type { TraceTree } from '../../forest/trace-tree.js';
import { describeSpan, plural } from './describe-span.js';

/** Notes to print beside spans; a noted span gets the `>` gutter mark (an empty note marks it silently). */
export type SpanNotes = ReadonlyMap<SpanNode, string>;

export interface RenderTreeOptions {
  /** Colours a noted line; default leaves it plain. */
  readonly highlight?: (line: string) => string;
  /** Above this many spans only noted spans, their ancestors and the tops are drawn. Default 40. */
  readonly maxSpans?: number;
}

const DEFAULT_MAX_SPANS = 40;
// Unmarked chains longer than this (deep middleware, broken recursion) are drawn as one line.
const CHAIN_LIMIT = 6;

/** A line to draw: a span, or a run of hidden spans. */
type Entry =
  | { readonly node: SpanNode; readonly prefix: string; readonly connector: string; readonly childPrefix: string }
  | { readonly hidden: number; readonly prefix: string; readonly connector: string };

function topNote(tree: TraceTree, node: SpanNode): string {
  if (tree.orphans.includes(node)) return ` (orphan: parent ${node.span.parentSpanId} never arrived)`;
  if (tree.cycles.includes(node)) return ` (parent loop cut here: parent ${node.span.parentSpanId})`;
  return '';
}

function visibleNodes(tree: TraceTree, notes: SpanNotes, maxSpans: number): ReadonlySet<SpanNode> | undefined {
  if (tree.spanCount <= maxSpans) return undefined; // everything is drawn
  const visible = new Set<SpanNode>(tree.tops);
  for (const node of notes.keys()) {
    visible.add(node);
    for (const above of ancestors(node)) visible.add(above);
  }
  return visible;
}

function subtreeSize(node: SpanNode): number {
  let size = 1;
  const below = descendants(node);
  while (below.next().done !== true) size++;
  return size;
}

/** The lines under `node`, in order; hidden siblings in a row collapse into one "... n spans" entry. */
function childEntries(node: SpanNode, prefix: string, visible: ReadonlySet<SpanNode> | undefined): Entry[] {
  const runs: (SpanNode | number)[] = [];
  for (const child of node.children) {
    const last = runs.at(-1);
    if (visible === undefined || visible.has(child)) runs.push(child);
    else if (typeof last === 'number') runs[runs.length - 1] = last + subtreeSize(child);
    else runs.push(subtreeSize(child));
  }
  return runs.map((run, index) => {
    const isLast = index === runs.length - 1;
    const connector = isLast ? '`-- ' : '|-- ';
    if (typeof run === 'number') return { hidden: run, prefix, connector };
    return { node: run, prefix, connector, childPrefix: prefix + (isLast ? '    ' : '|   ') };
  });
}

function visibleChildren(node: SpanNode, visible: ReadonlySet<SpanNode>): SpanNode[] {
  return node.children.filter((child) => visible.has(child));
}

function hiddenSpans(node: SpanNode, visible: ReadonlySet<SpanNode>): number {
  return node.children.filter((child) => !visible.has(child)).reduce((sum, child) => sum + subtreeSize(child), 0);
}

/**
 * Below `node`, a run of unmarked spans that each have a single drawn child, too long to draw level by level: how
 * many levels, how many spans it stands for (hidden siblings included) and the span drawn after it.
 */
function longChain(
  node: SpanNode,
  visible: ReadonlySet<SpanNode> | undefined,
  notes: SpanNotes,
): { levels: number; spans: number; resume: SpanNode } | undefined {
  if (visible === undefined) return undefined;
  const drawn = visibleChildren(node, visible);
  if (drawn.length !== 1) return undefined;
  let resume = drawn[0]!;
  let levels = 0;
  let spans = hiddenSpans(node, visible);
  while (!notes.has(resume)) {
    const below = visibleChildren(resume, visible);
    if (below.length !== 1) break;
    levels++;
    spans += 1 + hiddenSpans(resume, visible);
    resume = below[0]!;
  }
  return levels > CHAIN_LIMIT ? { levels, spans, resume } : undefined;
}

/**
 * The trace as pure-ASCII lines, tops first (roots, orphans, parent loops), children indented under `|--` and
 * `` `-- ``. Noted spans carry `>` in the gutter and `<- note` after them; orphans say which parent never came.
 */
export function renderTree(tree: TraceTree, notes: SpanNotes, options: RenderTreeOptions = {}): string {
  const highlight = options.highlight ?? ((line: string) => line);
  const visible = visibleNodes(tree, notes, options.maxSpans ?? DEFAULT_MAX_SPANS);
  const lines = [`trace ${tree.traceId} (${plural(tree.spanCount, 'span')})`];
  // An explicit stack: broken instrumentation can nest spans deeper than recursion allows.
  const stack: Entry[] = tree.tops
    .map((node): Entry => ({ node, prefix: '', connector: '', childPrefix: '' }))
    .reverse();
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    if ('hidden' in entry) {
      lines.push(`  ${entry.prefix}${entry.connector}... ${plural(entry.hidden, 'span')}`);
      continue;
    }
    const { node } = entry;
    const top = entry.connector === '' ? topNote(tree, node) : '';
    const note = notes.get(node);
    const text = `${entry.prefix}${entry.connector}${describeSpan(node.span)}${top}`;
    if (note === undefined) lines.push(`  ${text}`);
    else lines.push(highlight(note === '' ? `> ${text}` : `> ${text}  <- ${note}`));
    const chain = longChain(node, visible, notes);
    if (chain === undefined) {
      stack.push(...childEntries(node, entry.childPrefix, visible).reverse());
      continue;
    }
    const { levels, spans, resume } = chain;
    lines.push(`  ${entry.childPrefix}\`-- ... ${plural(spans, 'span')} in a chain of ${plural(levels, 'level')}`);
    const prefix = `${entry.childPrefix}    `;
    stack.push({ node: resume, prefix, connector: '`-- ', childPrefix: `${prefix}    ` });
  }
  return lines.join('\n');
}
