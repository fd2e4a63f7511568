import type { Finding } from '../model/finding.js';
import type { LogRecord } from '../model/log.js';
import type { SpanKind, SpanRecord } from '../model/span.js';
import { sameSpanContent } from './span-equality.js';
import {
  B_END_HIGH,
  B_END_LOW,
  B_ORIGIN,
  B_START_HIGH,
  B_START_LOW,
  WORDS_PER_STAGED_SPAN,
} from './span-table/span-batch.js';
import type { SpanBatch } from './span-table/span-batch.js';
import { NO_ROW } from './span-table/span-rows.js';
import { SpanTable } from './span-table/span-table.js';
import { stagedRecord } from './span-table/staged-record.js';
import { STORE_SPAN_TABLE } from './span-table/store-span-table.js';

// True when a staged span's end time (unsigned 64-bit, as two words) is before its start time.
function endsBeforeStart(words: Int32Array, at: number): boolean {
  const endHigh = words[at + B_END_HIGH]! >>> 0;
  const startHigh = words[at + B_START_HIGH]! >>> 0;
  return (
    endHigh < startHigh || (endHigh === startHigh && words[at + B_END_LOW]! >>> 0 < words[at + B_START_LOW]! >>> 0)
  );
}

/** Running totals the report's `harness` section is built from. */
export interface StoreCounters {
  /** Every span that reached the store, duplicates included. */
  readonly spansReceived: number;
  readonly spansStored: number;
  readonly spansDuplicate: number;
  /** Spans refused at a boundary (invalid ids, undecodable items) and reported back to the sender. */
  readonly spansRejected: number;
  /** Spans that arrived for a trace after it was judged. */
  readonly spansLate: number;
  readonly logsReceived: number;
  readonly logsRejected: number;
  readonly logsLate: number;
  readonly traces: number;
  /** Findings not kept because the list hit its cap (counted, so nothing is dropped silently). */
  readonly findingsDropped: number;
}

/** Called after every batch with the ids of the traces that batch touched. */
export type StoreListener = (touchedTraceIds: ReadonlySet<string>) => void;

export interface StoreOptions {
  /** Most findings kept; the rest are counted in `findingsDropped`. Default 10,000. */
  readonly maxFindings?: number;
}

const DEFAULT_MAX_FINDINGS = 10_000;

/**
 * The one mutable place in tracegate: spans (deduplicated by traceId, spanId and kind), logs, findings and
 * counters. Everything downstream reads it and computes values.
 */
export class Store {
  // Spans packed for memory (see DESIGN.md, Performance): records are rebuilt on read.
  readonly #spans = new SpanTable();
  readonly #logs: LogRecord[] = [];
  readonly #findings: Finding[] = [];
  readonly #judged = new Set<string>();
  readonly #listeners = new Set<StoreListener>();
  readonly #flushers = new Set<() => Promise<void>>();
  readonly #maxFindings: number;
  #counters = {
    spansReceived: 0,
    spansStored: 0,
    spansDuplicate: 0,
    spansRejected: 0,
    spansLate: 0,
    logsReceived: 0,
    logsRejected: 0,
    logsLate: 0,
    findingsDropped: 0,
  };

  constructor(options: StoreOptions = {}) {
    this.#maxFindings = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
  }

  /** Stores a batch of spans; returns how many were new. Duplicates with other content become findings. */
  addSpans(spans: readonly SpanRecord[]): number {
    const touched = new Set<string>();
    const judged = this.#judged;
    let stored = 0;
    let lastTouched: string | undefined;
    for (const span of spans) {
      if (judged.size > 0 && judged.has(span.traceId)) this.#counters.spansLate++;
      const existing = this.#spans.insert(span);
      if (existing === -1) {
        stored++;
        // spans of one trace arrive together: skip the set lookup for a repeat
        if (span.traceId !== lastTouched) touched.add((lastTouched = span.traceId));
        if (span.endTimeUnixNano < span.startTimeUnixNano) this.#negativeDuration(span);
      } else {
        this.#duplicate(this.#spans.record(existing), span);
      }
    }
    this.#counters.spansReceived += spans.length;
    this.#counters.spansStored += stored;
    if (touched.size > 0) this.#notify(touched);
    return stored;
  }

  /**
   * Stores a decoder's staged batch, exactly as `addSpans` would store the same spans as records: same dedup,
   * findings, counters and notifications, without a record per span. Returns how many were new.
   */
  addSpanBatch(batch: SpanBatch): number {
    const table = this.#spans;
    const origins = batch.origins.map(({ resource, scope }) => table.originIndex(resource, scope));
    const touched = new Set<string>();
    const judged = this.#judged;
    const words = batch.words;
    let stored = 0;
    let lastTouched: string | undefined;
    for (let span = 0; span < batch.count; span++) {
      const traceId = batch.traceIds[span]!;
      if (judged.size > 0 && judged.has(traceId)) this.#counters.spansLate++;
      const at = span * WORDS_PER_STAGED_SPAN;
      const existing = table.insertStaged(batch, span, origins[words[at + B_ORIGIN]!]!);
      if (existing === -1) {
        stored++;
        if (traceId !== lastTouched) touched.add((lastTouched = traceId));
        if (endsBeforeStart(words, at)) this.#negativeDuration(stagedRecord(batch, span));
      } else {
        this.#duplicate(table.record(existing), stagedRecord(batch, span));
      }
    }
    this.#counters.spansReceived += batch.count;
    this.#counters.spansStored += stored;
    if (touched.size > 0) this.#notify(touched);
    return stored;
  }

  #negativeDuration(span: SpanRecord): void {
    this.addFinding({
      level: 'warn',
      code: 'span.negative-duration',
      message: `span "${span.name}" ends ${span.startTimeUnixNano - span.endTimeUnixNano} ns before it starts`,
      traceId: span.traceId,
      spanId: span.spanId,
    });
  }

  #duplicate(kept: SpanRecord, span: SpanRecord): void {
    this.#counters.spansDuplicate++;
    if (!sameSpanContent(kept, span)) {
      this.addFinding({
        level: 'error',
        code: 'span.duplicate-conflict',
        message: `span ${span.spanId} (${span.kind} "${span.name}") arrived twice with different content; the first copy is kept`,
        traceId: span.traceId,
        spanId: span.spanId,
      });
    }
  }

  /** Stores a batch of logs. */
  addLogs(logs: readonly LogRecord[]): void {
    const touched = new Set<string>();
    for (const log of logs) {
      this.#logs.push(log);
      if (log.traceId !== '') {
        touched.add(log.traceId);
        if (this.#judged.has(log.traceId)) this.#counters.logsLate++;
      }
    }
    this.#counters.logsReceived += logs.length;
    if (touched.size > 0) this.#notify(touched);
  }

  /** Counts items refused at a boundary, so the report can say the harness lost nothing silently. */
  countRejected(signal: 'spans' | 'logs', count: number): void {
    if (signal === 'spans') this.#counters.spansRejected += count;
    else this.#counters.logsRejected += count;
  }

  addFinding(finding: Finding): void {
    if (this.#findings.length >= this.#maxFindings) this.#counters.findingsDropped++;
    else this.#findings.push(finding);
  }

  /** The spans of one trace in arrival order (fresh records in a fresh array; empty when the trace is unknown). */
  trace(traceId: string): SpanRecord[] {
    return this.#spans.traceRecords(traceId);
  }

  /**
   * One stored span by id, as a fresh record. Without `kind`, a span id reused with several kinds answers with the
   * record whose kind comes first in SPAN_KINDS order (the rule trace assembly uses too).
   */
  span(traceId: string, spanId: string, kind?: SpanKind): SpanRecord | undefined {
    const row = this.#spans.find(traceId, spanId, kind);
    return row === -1 ? undefined : this.#spans.record(row);
  }

  /** The packed span table, for read-side views that read rows in place (not part of the public API). */
  [STORE_SPAN_TABLE](): SpanTable {
    return this.#spans;
  }

  hasTrace(traceId: string): boolean {
    return this.#spans.hasTrace(traceId);
  }

  traceIds(): IterableIterator<string> {
    return this.#spans.traceIds();
  }

  /** Every stored span (fresh records), trace by trace in first-arrival order, each trace in arrival order. */
  *spans(): IterableIterator<SpanRecord> {
    const table = this.#spans;
    for (let trace = 0; trace < table.traceCount; trace++) {
      for (let row = table.firstRowOfTrace(trace); row !== NO_ROW; row = table.nextInTrace(row)) {
        yield table.record(row);
      }
    }
  }

  logs(): readonly LogRecord[] {
    return this.#logs;
  }

  findings(): readonly Finding[] {
    return this.#findings;
  }

  counters(): StoreCounters {
    return { ...this.#counters, traces: this.#spans.traceCount };
  }

  /** Marks traces as judged: anything that arrives for them afterwards is counted as late (and still stored). */
  markJudged(traceIds: Iterable<string>): void {
    for (const traceId of traceIds) this.#judged.add(traceId);
  }

  /** Calls `listener` after each batch that changed something; returns the unsubscribe function. */
  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Registers a source that buffers spans (an in-process processor); `flush()` drains all of them. */
  registerFlusher(flush: () => Promise<void>): () => void {
    this.#flushers.add(flush);
    return () => this.#flushers.delete(flush);
  }

  /** Drains every registered buffer into the store; readers call this before they read. */
  async flush(): Promise<void> {
    await Promise.all([...this.#flushers].map((flush) => flush()));
  }

  #notify(touched: ReadonlySet<string>): void {
    for (const listener of this.#listeners) listener(touched);
  }
}
