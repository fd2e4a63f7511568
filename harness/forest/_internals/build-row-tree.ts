import { rowExtras } from '../../collect/span-table/read-row.js';
import { RowSpan } from '../../collect/span-table/row-span.js';
import * as rowLayout from '../../collect/span-table/span-rows.js';
import type { TableParts } from '../../collect/span-table/table-parts.js';
import type { ResolvedLink } from '../span-node.js';
import type { SpanLookup } from '../span-lookup.js';
import type { TraceTree } from '../trace-tree.js';
import { NO_NODES, NO_RESOLVED_LINKS } from './build-tree.js';
import type { NodeUnderConstruction } from './build-tree.js';
import { RowTraceTree } from './row-trace-tree.js';

// Module-local copies of imported bindings: where a loader compiles modules to CommonJS (tsx does), every read of
// an imported binding is a getter call, and these are read for every span.
const {
  BITS,
  HAS_EXTRAS,
  HAS_PARENT,
  NEXT_IN_TRACE,
  NO_ROW,
  ODD_SPAN_ID,
  PARENT_HIGH,
  PARENT_LOW,
  SPAN_HIGH,
  SPAN_LOW,
  START_SLOT,
  base,
} = rowLayout;

const ROOT = -1;
const ORPHAN = -2;
const NONE = -1;
/** Up to this many spans, a parent is found by scanning the trace instead of through a hash table. */
const SCAN_LIMIT = 12;

// Which word of a 64-bit time slot holds its high half (the typed arrays share the platform's byte order).
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const START_HIGH = START_SLOT * 2 + (LITTLE_ENDIAN ? 1 : 0);
const START_LOW = START_SLOT * 2 + (LITTLE_ENDIAN ? 0 : 1);

/** Scratch by span position, reused by every call (building is synchronous). */
class Scratch {
  capacity = 0;
  rows = new Int32Array(0);
  order = new Int32Array(0);
  startHigh = new Uint32Array(0);
  startLow = new Uint32Array(0);
  idHigh = new Uint32Array(0);
  idLow = new Uint32Array(0);
  kind = new Int32Array(0);
  // parent, first child, last child, next sibling, child count
  lists = new Int32Array(0);
  hash = new Int32Array(0);

  ensure(n: number): void {
    if (n <= this.capacity) return;
    const size = Math.max(n, this.capacity * 2, 64);
    this.capacity = size;
    this.rows = new Int32Array(size);
    this.order = new Int32Array(size);
    this.startHigh = new Uint32Array(size);
    this.startLow = new Uint32Array(size);
    this.idHigh = new Uint32Array(size);
    this.idLow = new Uint32Array(size);
    this.kind = new Int32Array(size);
    this.lists = new Int32Array(5 * size);
    this.hash = new Int32Array(4 * size);
  }
}
const scratch = new Scratch();

/** True when position a comes before b in canonical order (start time, span id, kind). */
function before(a: number, b: number): boolean {
  const { startHigh, startLow, idHigh, idLow, kind } = scratch;
  if (startHigh[a] !== startHigh[b]) return startHigh[a]! < startHigh[b]!;
  if (startLow[a] !== startLow[b]) return startLow[a]! < startLow[b]!;
  if (idHigh[a] !== idHigh[b]) return idHigh[a]! < idHigh[b]!;
  if (idLow[a] !== idLow[b]) return idLow[a]! < idLow[b]!;
  return kind[a]! < kind[b]!;
}

/** Reads the trace's rows into scratch (arrival order); false when a row keeps an id or time outside its slots. */
function loadRows(parts: TableParts, firstRow: number, n: number): boolean {
  const { rows, startHigh, startLow, idHigh, idLow, kind } = scratch;
  let i = 0;
  for (let row = firstRow; row !== NO_ROW && i < n; i++) {
    const words = parts.rows.chunk(row).words;
    const at = base(row);
    const bits = words[at + BITS]!;
    if ((bits & HAS_EXTRAS) !== 0) {
      if ((bits & ODD_SPAN_ID) !== 0) return false;
      const extras = rowExtras(parts, row);
      if (extras.oddParentSpanId !== '' || extras.startTimeUnixNano !== undefined) return false;
    }
    rows[i] = row;
    startHigh[i] = words[at + START_HIGH]! >>> 0;
    startLow[i] = words[at + START_LOW]! >>> 0;
    idHigh[i] = words[at + SPAN_HIGH]! >>> 0;
    idLow[i] = words[at + SPAN_LOW]! >>> 0;
    kind[i] = bits & 7;
    row = words[at + NEXT_IN_TRACE]!;
  }
  return i === n;
}

/** Fills scratch.order with positions in canonical order: usually already so, then by insertion or a full sort. */
function sortPositions(n: number): void {
  const order = scratch.order;
  for (let i = 0; i < n; i++) order[i] = i;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (before(i, i - 1)) sorted = false;
  if (sorted) return;
  if (n <= 64) {
    for (let i = 1; i < n; i++) {
      const current = order[i]!;
      let j = i - 1;
      while (j >= 0 && before(current, order[j]!)) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = current;
    }
    return;
  }
  const positions = Array.from(order.subarray(0, n)).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  order.set(positions);
}

function slotOf(high: number, low: number, mask: number): number {
  return Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b) & mask;
}

/**
 * Writes each sorted position's parent position (or ROOT, ORPHAN) to lists[0..n); false when span ids repeat.
 * `order[k]` is the arrival position of the k-th span in canonical order.
 */
function parentPositions(parts: TableParts, n: number): boolean {
  const { rows, order, idHigh, idLow, lists } = scratch;
  const small = n <= SCAN_LIMIT;
  const mask = small ? 0 : indexIds(n);
  if (mask === -1) return false;
  if (small) {
    for (let k = 0; k < n; k++) {
      const a = order[k]!;
      for (let j = k + 1; j < n; j++) {
        const b = order[j]!;
        if (idHigh[a] === idHigh[b] && idLow[a] === idLow[b]) return false;
      }
    }
  }
  const hash = scratch.hash;
  for (let k = 0; k < n; k++) {
    const row = rows[order[k]!]!;
    const words = parts.rows.chunk(row).words;
    const at = base(row);
    if ((words[at + BITS]! & HAS_PARENT) === 0) {
      lists[k] = ROOT;
      continue;
    }
    const high = words[at + PARENT_HIGH]! >>> 0;
    const low = words[at + PARENT_LOW]! >>> 0;
    let parent = ORPHAN;
    if (small) {
      for (let j = 0; j < n; j++) {
        const b = order[j]!;
        if (idHigh[b] === high && idLow[b] === low) {
          parent = j;
          break;
        }
      }
    } else {
      for (let slot = slotOf(high, low, mask), other = hash[slot]!; other !== -1; other = hash[slot]!) {
        const b = order[other]!;
        if (idHigh[b] === high && idLow[b] === low) {
          parent = other;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    lists[k] = parent;
  }
  return true;
}

/** Puts every sorted position in scratch.hash by span id; returns the table's mask, or -1 when span ids repeat. */
function indexIds(n: number): number {
  const { order, idHigh, idLow, hash } = scratch;
  let size = 1;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  hash.fill(-1, 0, size);
  for (let k = 0; k < n; k++) {
    const a = order[k]!;
    let slot = slotOf(idHigh[a]!, idLow[a]!, mask);
    for (let other = hash[slot]!; other !== -1; other = hash[slot]!) {
      const b = order[other]!;
      if (idHigh[a] === idHigh[b] && idLow[a] === idLow[b]) return -1;
      slot = (slot + 1) & mask;
    }
    hash[slot] = k;
  }
  return mask;
}

function node(parts: TableParts, row: number, parent: NodeUnderConstruction | undefined, lookup: SpanLookup) {
  const span = new RowSpan(parts, row);
  const depth = parent === undefined ? 0 : parent.depth + 1;
  let links: readonly ResolvedLink[] = NO_RESOLVED_LINKS;
  if ((parts.rows.chunk(row).words[base(row) + BITS]! & HAS_EXTRAS) !== 0 && span.links.length > 0) {
    links = span.links.map((link) => ({ link, target: lookup(link.traceId, link.spanId) }));
  }
  const built: NodeUnderConstruction = { span, parent, children: NO_NODES, links, depth };
  return built;
}

/**
 * Reads one trace's rows into scratch and links them: children lists in canonical order (scratch.lists). Returns
 * the number of roots, or -1 when span ids repeat or a row keeps an id or time outside its slots.
 */
function linkRows(parts: TableParts, firstRow: number, n: number): number {
  scratch.ensure(n);
  if (!loadRows(parts, firstRow, n)) return -1;
  sortPositions(n);
  if (!parentPositions(parts, n)) return -1;
  const lists = scratch.lists;
  const FIRST = n;
  const LAST = 2 * n;
  const NEXT = 3 * n;
  const COUNT = 4 * n;
  lists.fill(NONE, FIRST, COUNT).fill(0, COUNT, 5 * n);
  let rootCount = 0;
  for (let k = 0; k < n; k++) {
    const parent = lists[k]!;
    if (parent === ROOT) rootCount++;
    else if (parent !== ORPHAN) {
      const last = lists[LAST + parent]!;
      if (last === NONE) lists[FIRST + parent] = k;
      else lists[NEXT + last] = k;
      lists[LAST + parent] = k;
      lists[COUNT + parent]!++;
    }
  }
  return rootCount;
}

/**
 * The tree of one stored trace read in place: every span a RowSpan over its row, nodes as `buildDistinctTree`
 * makes them from records (same order, same links). Returns undefined when span ids repeat, parent chains loop,
 * or a row keeps an id or time outside its slots; the caller then assembles the trace's records.
 */
export function buildRowTree(
  parts: TableParts,
  traceId: string,
  firstRow: number,
  n: number,
  lookup: SpanLookup,
): TraceTree | undefined {
  const rootCount = linkRows(parts, firstRow, n);
  if (rootCount === -1) return undefined;
  const { rows, order, lists } = scratch;
  const FIRST = n;
  const NEXT = 3 * n;
  const COUNT = 4 * n;
  const roots: NodeUnderConstruction[] = [];
  const orphans: NodeUnderConstruction[] = [];
  const stack: NodeUnderConstruction[] = [];
  const stackIndex: number[] = [];
  let placed = 0;
  for (let k = 0; k < n; k++) {
    const parent = lists[k]!;
    if (parent >= 0) continue;
    const top = node(parts, rows[order[k]!]!, undefined, lookup);
    (parent === ROOT ? roots : orphans).push(top);
    stack.push(top);
    stackIndex.push(k);
    while (stack.length > 0) {
      const at = stackIndex.pop()!;
      const above = stack.pop()!;
      placed++;
      const count = lists[COUNT + at]!;
      if (count === 0) continue;
      const children = new Array<NodeUnderConstruction>(count);
      let c = 0;
      for (let child = lists[FIRST + at]!; child !== NONE; child = lists[NEXT + child]!) {
        const built = node(parts, rows[order[child]!]!, above, lookup);
        children[c++] = built;
        stack.push(built);
        stackIndex.push(child);
      }
      above.children = children;
    }
  }
  // Spans no root or orphan reaches sit on a loop: the record path cuts loops.
  if (placed < n) return undefined;
  return new RowTraceTree({
    traceId,
    roots: rootCount === 0 ? NO_NODES : roots,
    orphans,
    cycles: NO_NODES,
    spanCount: n,
  });
}

// Sorted positions waiting to be placed, and the global position each placed one got.
let pending = new Int32Array(64);
let placedAt = new Int32Array(64);

/**
 * Writes one stored trace's rows in the order its TraceTree walks them (roots, then orphans, each depth first with
 * children in canonical order) to `rowAt[from..]`, with each row's parent position (or -1 for a top) in `parentAt`.
 * Returns the position after the last one, or -1 where `buildRowTree` would return undefined.
 */
export function placeRows(
  parts: TableParts,
  firstRow: number,
  n: number,
  rowAt: Int32Array,
  parentAt: Int32Array,
  from: number,
): number {
  if (linkRows(parts, firstRow, n) === -1) return -1;
  const { rows, order, lists } = scratch;
  const FIRST = n;
  const NEXT = 3 * n;
  if (pending.length < n) {
    pending = new Int32Array(2 * n);
    placedAt = new Int32Array(2 * n);
  }
  let next = from;
  for (const wanted of [ROOT, ORPHAN]) {
    for (let k = 0; k < n; k++) {
      if (lists[k] !== wanted) continue;
      let depth = 0;
      pending[depth++] = k;
      while (depth > 0) {
        const at = pending[--depth]!;
        const parent = lists[at]!;
        rowAt[next] = rows[order[at]!]!;
        parentAt[next] = parent < 0 ? -1 : placedAt[parent]!;
        placedAt[at] = next++;
        // Children go on the stack last first, so the first is placed next.
        const firstPending = depth;
        for (let child = lists[FIRST + at]!; child !== NONE; child = lists[NEXT + child]!) pending[depth++] = child;
        for (let a = firstPending, b = depth - 1; a < b; a++, b--) {
          const swap = pending[a]!;
          pending[a] = pending[b]!;
          pending[b] = swap;
        }
      }
    }
  }
  return next - from === n ? next : -1;
}
