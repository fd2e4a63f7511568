import { Store } from '../collect/store.js';
import { RowSpan } from '../collect/span-table/row-span.js';
import { STORE_SPAN_TABLE } from '../collect/span-table/store-span-table.js';
import { SpanTable } from '../collect/span-table/span-table.js';
import type { TableParts } from '../collect/span-table/table-parts.js';
import { keepShape } from './_internals/keep-shape.js';
import type { SpanRecord } from '../model/span.js';
import type { SpanLookup } from './span-lookup.js';
import { TraceAssembler } from './trace-assembler.js';
import type { TraceTree } from './trace-tree.js';
import { buildDistinctTree } from './_internals/build-distinct-tree.js';
import { buildRowTree, placeRows } from './_internals/build-row-tree.js';

/**
 * Every span of a forest read in place, as columns: position p is the p-th span in the order the forest's trees
 * walk them (trace by trace in trace id order, each as `TraceTree.walk`), `rowAt[p]` its row in the store's table
 * and `parentAt[p]` its parent's position (-1 for a root or an orphan). Trace t's spans are positions
 * `traceStart[t]` to `traceStart[t + 1] - 1`.
 */
export interface ForestColumns {
  readonly parts: TableParts;
  readonly table: SpanTable;
  readonly count: number;
  readonly rowAt: Int32Array;
  readonly parentAt: Int32Array;
  /** Trace ids in order. */
  readonly traceIds: readonly string[];
  readonly traceStart: Int32Array;
  /** The position of a trace id in `traceIds`, or -1. */
  traceOf(traceId: string): number;
}

/**
 * A store's traces as a Map of trace trees that builds each tree when it is first read: equal to
 * `assembleStoreForest(store)` at the time it was made (same keys, order, trees and links; spans that arrive later
 * are not in it), with spans read in place (RowSpan). When every trace has distinct span ids, no loop and no id or
 * time outside its row's slots, `columns` lays every span out for checks that read rows without building trees.
 */
export class RowForest extends Map<string, TraceTree> {
  /** Present when every trace could be laid out (see ForestColumns). */
  readonly columns: ForestColumns | undefined;
  readonly #store: Store;
  readonly #parts: TableParts;
  readonly #lookup: SpanLookup;
  readonly #ids: string[];
  // By table trace index: the span count when the forest was made, and the trace's position in #ids.
  readonly #spanCount: Int32Array;
  readonly #sortedIndex: Int32Array;

  constructor(store: Store) {
    super();
    const table = store[STORE_SPAN_TABLE]();
    const parts = table.parts;
    const traces = parts.traces;
    this.#store = store;
    this.#parts = parts;
    // Link targets are read in place too, so a healthy forest holds RowSpans only (see ForestIndex.keyOf).
    this.#lookup = (traceId, spanId) => {
      const row = table.find(traceId, spanId);
      return row === -1 ? undefined : new RowSpan(parts, row);
    };
    const count = traces.count;
    this.#spanCount = Int32Array.from(traces.spanCount);
    const ids = traces.ids;
    const order = Array.from({ length: count }, (_, i) => i).sort((a, b) =>
      ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0,
    );
    this.#ids = order.map((trace) => ids[trace]!);
    this.#sortedIndex = new Int32Array(count);
    order.forEach((trace, sorted) => (this.#sortedIndex[trace] = sorted));
    this.columns = this.#layOut(table, order);
  }

  #layOut(table: SpanTable, order: readonly number[]): ForestColumns | undefined {
    const parts = this.#parts;
    const traces = parts.traces;
    let total = 0;
    for (const trace of order) total += this.#spanCount[trace]!;
    const rowAt = new Int32Array(total);
    const parentAt = new Int32Array(total);
    const traceStart = new Int32Array(order.length + 1);
    let next = 0;
    for (let t = 0; t < order.length; t++) {
      const trace = order[t]!;
      traceStart[t] = next;
      next = placeRows(parts, traces.firstRow[trace]!, this.#spanCount[trace]!, rowAt, parentAt, next);
      if (next === -1) return undefined;
    }
    traceStart[order.length] = next;
    return new RowColumns(parts, table, total, rowAt, parentAt, this.#ids, traceStart, this.#sortedIndex);
  }

  #sortedOf(traceId: string): number {
    const trace = this.#parts.traces.indexOf(traceId);
    return trace === -1 || trace >= this.#sortedIndex.length ? -1 : this.#sortedIndex[trace]!;
  }

  override get(traceId: string): TraceTree | undefined {
    const built = super.get(traceId);
    if (built !== undefined) return built;
    const trace = this.#parts.traces.indexOf(traceId);
    if (trace === -1 || trace >= this.#spanCount.length) return undefined;
    const n = this.#spanCount[trace]!;
    const firstRow = this.#parts.traces.firstRow[trace]!;
    const tree =
      buildRowTree(this.#parts, traceId, firstRow, n, this.#lookup) ??
      recordTree(traceId, this.#store.trace(traceId).slice(0, n), this.#lookup);
    super.set(traceId, tree);
    return tree;
  }

  override has(traceId: string): boolean {
    return this.#sortedOf(traceId) !== -1;
  }

  override get size(): number {
    return this.#ids.length;
  }

  override keys(): MapIterator<string> {
    return this.#ids.values();
  }

  override values(): MapIterator<TraceTree> {
    return this.#ids.map((traceId) => this.get(traceId)!).values();
  }

  override entries(): MapIterator<[string, TraceTree]> {
    const entries = this.#ids.map((traceId): [string, TraceTree] => [traceId, this.get(traceId)!]);
    return entries.values();
  }

  override [Symbol.iterator](): MapIterator<[string, TraceTree]> {
    return this.entries();
  }

  override forEach(
    callback: (tree: TraceTree, traceId: string, map: Map<string, TraceTree>) => void,
    thisArg?: unknown,
  ): void {
    for (const traceId of this.#ids) callback.call(thisArg, this.get(traceId)!, traceId, this);
  }
}

/** ForestColumns as a class: `traceOf` is a method, the same function in every forest (no closure per forest). */
class RowColumns implements ForestColumns {
  readonly parts: TableParts;
  readonly table: SpanTable;
  readonly count: number;
  readonly rowAt: Int32Array;
  readonly parentAt: Int32Array;
  readonly traceIds: readonly string[];
  readonly traceStart: Int32Array;
  // By table trace index: the trace's position in traceIds.
  readonly #sortedIndex: Int32Array;

  constructor(
    parts: TableParts,
    table: SpanTable,
    count: number,
    rowAt: Int32Array,
    parentAt: Int32Array,
    traceIds: readonly string[],
    traceStart: Int32Array,
    sortedIndex: Int32Array,
  ) {
    this.parts = parts;
    this.table = table;
    this.count = count;
    this.rowAt = rowAt;
    this.parentAt = parentAt;
    this.traceIds = traceIds;
    this.traceStart = traceStart;
    this.#sortedIndex = sortedIndex;
  }

  traceOf(traceId: string): number {
    const trace = this.parts.traces.indexOf(traceId);
    return trace === -1 || trace >= this.#sortedIndex.length ? -1 : this.#sortedIndex[trace]!;
  }
}

keepShape(new RowForest(new Store()));
const empty = new SpanTable();
/** Columns of no span: an exemplar that keeps RowColumns' hidden class (see keepShape). */
export const NO_COLUMNS: ForestColumns = keepShape(
  new RowColumns(empty.parts, empty, 0, new Int32Array(0), new Int32Array(0), [], new Int32Array(1), new Int32Array(0)),
);

function recordTree(traceId: string, spans: readonly SpanRecord[], lookup: SpanLookup): TraceTree {
  const distinct = buildDistinctTree(traceId, spans, lookup);
  if (distinct !== undefined) return distinct;
  const assembler = new TraceAssembler(traceId);
  assembler.add(spans);
  return assembler.tree(lookup);
}
