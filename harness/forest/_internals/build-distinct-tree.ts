import type { SpanRecord } from '../../model/span.js';
import type { ResolvedLink } from '../span-node.js';
import type { SpanLookup } from '../span-lookup.js';
import { compareSpans } from '../span-order.js';
import { TraceTree } from '../trace-tree.js';
import type { NodeUnderConstruction } from './build-tree.js';
import { NO_NODES, NO_RESOLVED_LINKS } from './build-tree.js';

const ROOT = -1;
const ORPHAN = -2;
const NONE = -1;
/** Up to this many spans, a parent is found by scanning the trace instead of through a map. */
const SCAN_LIMIT = 12;

// Scratch lists by span index, reused by every call (building is synchronous): no typed array per trace.
let scratch = new Int32Array(5 * 64);

function scratchFor(n: number): Int32Array {
  if (scratch.length < 5 * n) scratch = new Int32Array(5 * Math.max(n, 2 * (scratch.length / 5)));
  return scratch;
}

function isSorted(spans: readonly SpanRecord[]): boolean {
  for (let i = 1; i < spans.length; i++) if (compareSpans(spans[i - 1]!, spans[i]!) > 0) return false;
  return true;
}

function resolveLinks(span: SpanRecord, lookup: SpanLookup): readonly ResolvedLink[] {
  if (span.links.length === 0) return NO_RESOLVED_LINKS;
  return span.links.map((link) => ({ link, target: lookup(link.traceId, link.spanId) }));
}

function node(span: SpanRecord, parent: NodeUnderConstruction | undefined, depth: number, lookup: SpanLookup) {
  const built: NodeUnderConstruction = { span, parent, children: NO_NODES, links: resolveLinks(span, lookup), depth };
  return built;
}

/** Writes each span's parent index in `sorted` (or ROOT, ORPHAN) to `lists[0..n)`; false when span ids repeat. */
function parentIndexes(sorted: readonly SpanRecord[], lists: Int32Array): boolean {
  const n = sorted.length;
  if (n <= SCAN_LIMIT) {
    for (let i = 0; i < n; i++) {
      const span = sorted[i]!;
      const parentId = span.parentSpanId;
      let parent = parentId === '' ? ROOT : ORPHAN;
      for (let j = 0; j < n; j++) {
        const other = sorted[j]!.spanId;
        if (j !== i && other === span.spanId) return false;
        if (parent === ORPHAN && other === parentId) parent = j;
      }
      lists[i] = parent;
    }
    return true;
  }
  const byId = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (byId.has(sorted[i]!.spanId)) return false;
    byId.set(sorted[i]!.spanId, i);
  }
  for (let i = 0; i < n; i++) {
    const parentId = sorted[i]!.parentSpanId;
    lists[i] = parentId === '' ? ROOT : (byId.get(parentId) ?? ORPHAN);
  }
  return true;
}

/**
 * The tree of one trace whose spans all have distinct span ids, built in one sort-free pass when they arrive in
 * canonical order (the usual case): siblings, roots and orphans come out in canonical order because every span is
 * visited in that order. Returns undefined when ids repeat or parent chains loop; the caller then takes the
 * general path (`buildTree`), which gives the same tree for the cases both handle.
 */
export function buildDistinctTree(
  traceId: string,
  spans: readonly SpanRecord[],
  lookup: SpanLookup,
): TraceTree | undefined {
  const sorted = isSorted(spans) ? spans : [...spans].sort(compareSpans);
  const n = sorted.length;
  // By span index: parent, first child, last child, next sibling, child count (children in canonical order).
  const lists = scratchFor(n);
  if (!parentIndexes(sorted, lists)) return undefined;
  const FIRST = n;
  const LAST = 2 * n;
  const NEXT = 3 * n;
  const COUNT = 4 * n;
  lists.fill(NONE, FIRST, COUNT).fill(0, COUNT, 5 * n);
  let rootCount = 0;
  for (let i = 0; i < n; i++) {
    const parent = lists[i]!;
    if (parent === ROOT) rootCount++;
    else if (parent !== ORPHAN) {
      const last = lists[LAST + parent]!;
      if (last === NONE) lists[FIRST + parent] = i;
      else lists[NEXT + last] = i;
      lists[LAST + parent] = i;
      lists[COUNT + parent]!++;
    }
  }
  const roots: NodeUnderConstruction[] = [];
  const orphans: NodeUnderConstruction[] = [];
  const stack: NodeUnderConstruction[] = [];
  const stackIndex: number[] = [];
  let placed = 0;
  for (let i = 0; i < n; i++) {
    const parent = lists[i]!;
    if (parent >= 0) continue;
    const top = node(sorted[i]!, undefined, 0, lookup);
    (parent === ROOT ? roots : orphans).push(top);
    stack.push(top);
    stackIndex.push(i);
    while (stack.length > 0) {
      const at = stackIndex.pop()!;
      const above = stack.pop()!;
      placed++;
      const count = lists[COUNT + at]!;
      if (count === 0) continue;
      const children = new Array<NodeUnderConstruction>(count);
      let k = 0;
      for (let child = lists[FIRST + at]!; child !== NONE; child = lists[NEXT + child]!) {
        const built = node(sorted[child]!, above, above.depth + 1, lookup);
        children[k++] = built;
        stack.push(built);
        stackIndex.push(child);
      }
      above.children = children;
    }
  }
  // Spans no root or orphan reaches sit on a loop: cutting loops is the general path's job.
  if (placed < n) return undefined;
  return new TraceTree({ traceId, roots: rootCount === 0 ? NO_NODES : roots, orphans, cycles: NO_NODES, spanCount: n });
}
