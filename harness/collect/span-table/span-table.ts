import type { Resource, Scope, SpanKind, SpanRecord } from '../../model/span.js';
import { parseSpanId } from './hex-words.js';
import { readRow, rowExtras } from './read-row.js';
import { RowHashTable, spanHash } from './row-hash-table.js';
import { B_BITS, B_SPAN_HIGH, B_SPAN_LOW, WORDS_PER_STAGED_SPAN } from './span-batch.js';
import type { SpanBatch } from './span-batch.js';
import { BITS, NEXT_IN_TRACE, NO_ROW, ODD_SPAN_ID, SPAN_HIGH, SPAN_LOW, TRACE, base } from './span-rows.js';
import type { SpanKey } from './table-parts.js';
import { TableParts, kindIndex } from './table-parts.js';
import { writeRow } from './write-row.js';
import { writeStagedRow } from './write-staged-row.js';

// Two independent string hashes stand in for the words of a span id that is not 16 lowercase hex digits.
function oddIdHash(id: string, seed: number): number {
  let hash = seed ^ id.length;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash;
}

// Scratch for span id words: parsing allocates nothing.
const idWords = new Int32Array(2);

/**
 * Up to this many spans, a trace is searched by walking its rows: they are few and usually still in cache, and
 * most traces never need an index entry. Larger traces index their rows in the hash table.
 */
const SMALL_TRACE = 16;

/**
 * Spans packed for memory: a fixed 56-byte row each (ids as words, times as 64-bit slots, kind, status and
 * flags as bits), the name, attribute values and rare extras as consecutive slots of a shared value store,
 * attribute keys as shared shapes, and (resource, scope) as one index. Records are rebuilt on every read, so a
 * reader gets fresh objects equal to what was added. Keyed by (trace id, span id, kind): a key is stored once.
 */
export class SpanTable {
  readonly #parts = new TableParts();
  // Rows of traces with more than SMALL_TRACE spans, by (trace, span id).
  readonly #index = new RowHashTable();
  // The key of the span id being stored or looked up, and where its probe run ended: no lookup allocates.
  readonly #key: SpanKey = { high: 0, low: 0, odd: false };
  #freeSlot = 0;

  /** What the rows are made of, for read-side views (RowSpan, row forests); never written through. */
  get parts(): TableParts {
    return this.#parts;
  }

  /** Traces with at least one stored span. */
  get traceCount(): number {
    return this.#parts.traces.count;
  }

  /** Trace ids in first-arrival order. */
  traceIds(): IterableIterator<string> {
    return this.#parts.traces.keys();
  }

  hasTrace(traceId: string): boolean {
    return this.#parts.traces.indexOf(traceId) !== -1;
  }

  /** Stores `span` and returns -1, or returns the row already stored under its key and stores nothing. */
  insert(span: SpanRecord): number {
    const parts = this.#parts;
    const traces = parts.traces;
    const trace = traces.add(span.traceId);
    const key = this.#keyOf(span.spanId);
    const kind = kindIndex(span.kind);
    const count = traces.spanCount[trace]!;
    const hash = count <= SMALL_TRACE ? 0 : spanHash(trace, key.high, key.low);
    const existing =
      count <= SMALL_TRACE ? this.#scan(trace, span.spanId, kind) : this.#probe(trace, span.spanId, hash, kind);
    if (existing !== -1) return existing;
    this.#append(trace, count, hash, writeRow(parts, span, trace, kind, key));
    return -1;
  }

  /**
   * Stores staged span number `span` of `batch` (its origin's index from `originIndex`) and returns -1, or returns
   * the row already stored under its key and stores nothing. As `insert`, without a record in between.
   */
  insertStaged(batch: SpanBatch, span: number, origin: number): number {
    const traces = this.#parts.traces;
    const trace = traces.add(batch.traceIds[span]!);
    const words = batch.words;
    const at = span * WORDS_PER_STAGED_SPAN;
    // Staged span ids are always 16 hex digits: their words are the key.
    const key = this.#key;
    key.high = words[at + B_SPAN_HIGH]!;
    key.low = words[at + B_SPAN_LOW]!;
    key.odd = false;
    const kind = words[at + B_BITS]! & 7;
    const count = traces.spanCount[trace]!;
    const hash = count <= SMALL_TRACE ? 0 : spanHash(trace, key.high, key.low);
    const existing = count <= SMALL_TRACE ? this.#scan(trace, '', kind) : this.#probe(trace, '', hash, kind);
    if (existing !== -1) return existing;
    this.#append(trace, count, hash, writeStagedRow(this.#parts, batch, span, trace, origin));
    return -1;
  }

  /** The index of a (resource, scope) pair, for `insertStaged`. */
  originIndex(resource: Resource, scope: Scope): number {
    return this.#parts.origins.indexOf(resource, scope);
  }

  // Links a freshly written row at the end of its trace (which had `count` spans) and indexes it.
  #append(trace: number, count: number, hash: number, row: number): void {
    const parts = this.#parts;
    const traces = parts.traces;
    const lastRow = traces.lastRow[trace]!;
    if (lastRow === NO_ROW) traces.firstRow[trace] = row;
    else parts.rows.chunk(lastRow).words[base(lastRow) + NEXT_IN_TRACE] = row;
    traces.lastRow[trace] = row;
    traces.spanCount[trace] = count + 1;
    if (count > SMALL_TRACE) this.#index.addAt(this.#freeSlot, hash, row);
    else if (count === SMALL_TRACE) this.#indexTrace(trace);
  }

  /**
   * The row stored under (traceId, spanId, kind), or -1. Without `kind`, the row of the kind that comes first in
   * SPAN_KINDS among the rows sharing the span id.
   */
  find(traceId: string, spanId: string, kind?: SpanKind): number {
    const traces = this.#parts.traces;
    const trace = traces.indexOf(traceId);
    if (trace === -1) return -1;
    const key = this.#keyOf(spanId);
    // -2 matches no row: a kind name that is not one finds nothing
    const wanted = kind === undefined ? -1 : kindIndex(kind, -2);
    if (traces.spanCount[trace]! <= SMALL_TRACE) return this.#scan(trace, spanId, wanted);
    return this.#probe(trace, spanId, spanHash(trace, key.high, key.low), wanted);
  }

  /** The spans of one trace in arrival order, as fresh records (empty when the trace is unknown). */
  traceRecords(traceId: string): SpanRecord[] {
    const traces = this.#parts.traces;
    const trace = traces.indexOf(traceId);
    if (trace === -1) return [];
    // Sized up front: the span count is known, so the array never grows.
    const records = new Array<SpanRecord>(traces.spanCount[trace]!);
    let i = 0;
    for (let row = traces.firstRow[trace]!; row !== NO_ROW; row = this.nextInTrace(row)) {
      records[i++] = readRow(this.#parts, row);
    }
    return records;
  }

  /** The first row of the trace with this index (first-arrival order), or NO_ROW. */
  firstRowOfTrace(trace: number): number {
    return this.#parts.traces.firstRow[trace] ?? NO_ROW;
  }

  /** The row after `row` in its trace, or NO_ROW. */
  nextInTrace(row: number): number {
    return this.#parts.rows.chunk(row).words[base(row) + NEXT_IN_TRACE]!;
  }

  /** The span stored in `row`, as a fresh record. */
  record(row: number): SpanRecord {
    return readRow(this.#parts, row);
  }

  #keyOf(spanId: string): SpanKey {
    const key = this.#key;
    if (parseSpanId(spanId, idWords)) {
      key.high = idWords[0]!;
      key.low = idWords[1]!;
      key.odd = false;
    } else {
      key.high = oddIdHash(spanId, 0x811c9dc5);
      key.low = oddIdHash(spanId, 0x2f6b8a1d);
      key.odd = true;
    }
    return key;
  }

  // The kind of `row` when it holds the span id of #key (the trace is the caller's), else -1.
  #kindIfSameId(row: number, spanId: string): number {
    const key = this.#key;
    const words = this.#parts.rows.chunk(row).words;
    const at = base(row);
    if (words[at + SPAN_LOW] !== key.low || words[at + SPAN_HIGH] !== key.high) return -1;
    const bits = words[at + BITS]!;
    if (((bits & ODD_SPAN_ID) !== 0) !== key.odd) return -1;
    if (key.odd && rowExtras(this.#parts, row).oddSpanId !== spanId) return -1;
    return bits & 7;
  }

  // The matching row among a small trace's rows (kind -1: the first-ranked kind), or -1.
  #scan(trace: number, spanId: string, kind: number): number {
    let best = -1;
    let bestKind = 8;
    for (let row = this.#parts.traces.firstRow[trace]!; row !== NO_ROW; row = this.nextInTrace(row)) {
      const rowKind = this.#kindIfSameId(row, spanId);
      if (rowKind === -1) continue;
      if (rowKind === kind) return row;
      if (kind === -1 && rowKind < bestKind) {
        best = row;
        bestKind = rowKind;
      }
    }
    return best;
  }

  // As #scan, through the index; the empty slot ending the probe run is left in #freeSlot.
  #probe(trace: number, spanId: string, hash: number, kind: number): number {
    const index = this.#index;
    let best = -1;
    let bestKind = 8;
    for (let at = index.start(hash); ; at = index.next(at)) {
      const row = index.rowAt(at);
      if (row === -1) {
        this.#freeSlot = at;
        return best;
      }
      if (index.hashAt(at) !== hash || this.#parts.rows.chunk(row).words[base(row) + TRACE] !== trace) continue;
      const rowKind = this.#kindIfSameId(row, spanId);
      if (rowKind === -1) continue;
      if (rowKind === kind) return row;
      if (kind === -1 && rowKind < bestKind) {
        best = row;
        bestKind = rowKind;
      }
    }
  }

  // A trace outgrew SMALL_TRACE: every row it has so far goes into the index.
  #indexTrace(trace: number): void {
    const rows = this.#parts.rows;
    for (let row = this.#parts.traces.firstRow[trace]!; row !== NO_ROW; row = this.nextInTrace(row)) {
      const words = rows.chunk(row).words;
      const at = base(row);
      this.#index.add(spanHash(trace, words[at + SPAN_HIGH]!, words[at + SPAN_LOW]!), row);
    }
  }
}
