import type { CorrelationMethod, RequestError, RequestErrorCode, RequestRecord } from '../request-record.js';
import type { CompiledPlan } from './compiled-plan.js';
import type { RecordingHandler } from './recording-handler.js';
import type { TraceIdSource } from './trace-id-source.js';

const CORRELATIONS: readonly CorrelationMethod[] = ['traceparent', 'traceresponse', 'request-id', 'timing'];
const CORRELATION_INDEX = new Map(CORRELATIONS.map((method, index) => [method, index]));
const ERROR_CODES: readonly (RequestErrorCode | undefined)[] = [
  undefined,
  'connect-timeout',
  'headers-timeout',
  'body-timeout',
  'too-large',
  'connection-refused',
  'connection-reset',
  'host-not-found',
  'protocol',
  'aborted',
  'other',
];
const ERROR_INDEX = new Map(ERROR_CODES.map((code, index) => [code, index]));
const INITIAL_ROWS = 1024;

function grown<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(column: T, rows: number): T {
  const larger = new (column.constructor as new (length: number) => T)(rows);
  larger.set(column);
  return larger;
}

/** What a record's owner knows that the table does not store: the plan, the ids and the clock's Unix offset. */
export interface RecordSources {
  readonly plan: CompiledPlan;
  readonly ids: TraceIdSource;
  readonly unixOffsetMs: number;
}

/**
 * Every request's outcome in columns of numbers, one row per `seq`. A run of a million requests keeps about 50
 * bytes each instead of a million objects, so the collector stays out of the driver's hot path. What follows
 * from the seed (injected ids), the plan (route, method, url) or rarely differs (messages, learned ids, request
 * ids) is not stored per row; `record(seq)` puts a RequestRecord back together.
 */
export class RecordTable {
  #capacity: number;
  #entry: Uint32Array;
  #status: Uint16Array;
  #error: Uint8Array;
  #correlation: Uint8Array;
  #start: Float64Array;
  #connect: Float64Array;
  #headers: Float64Array;
  #total: Float64Array;
  #bytes: Float64Array;
  readonly #messages = new Map<number, string>();
  readonly #requestIds = new Map<number, string>();
  readonly #learnedIds = new Map<number, readonly [traceId: string, spanId: string]>();

  /**
   * With `retain` false the table holds only the latest request, enough to build its record for a callback while
   * keeping nothing for the result.
   */
  constructor(
    private readonly sources: RecordSources,
    expectedRows: number,
    private readonly retain: boolean,
  ) {
    this.#capacity = retain ? Math.max(1, Math.min(expectedRows, INITIAL_ROWS)) : 1;
    this.#entry = new Uint32Array(this.#capacity);
    this.#status = new Uint16Array(this.#capacity);
    this.#error = new Uint8Array(this.#capacity);
    this.#correlation = new Uint8Array(this.#capacity);
    this.#start = new Float64Array(this.#capacity);
    this.#connect = new Float64Array(this.#capacity);
    this.#headers = new Float64Array(this.#capacity);
    this.#total = new Float64Array(this.#capacity);
    this.#bytes = new Float64Array(this.#capacity);
  }

  /** Stores what a finished request's handler saw, with the error it was classified as. */
  add(handler: RecordingHandler, error: RequestError | undefined): void {
    const { exchange } = handler;
    const row = this.#row(exchange.seq);
    if (row >= this.#capacity) this.#grow(row + 1);
    if (!this.retain) {
      this.#messages.clear();
      this.#requestIds.clear();
      this.#learnedIds.clear();
    }
    this.#entry[row] = exchange.entry.index;
    this.#status[row] = handler.status;
    this.#correlation[row] = CORRELATION_INDEX.get(exchange.correlation)!;
    this.#start[row] = handler.startMs;
    this.#connect[row] = handler.connectedMs - handler.startMs;
    this.#headers[row] = handler.headersMs - handler.startMs;
    this.#total[row] = handler.endMs - handler.startMs;
    this.#bytes[row] = handler.bytes;
    this.#error[row] = error === undefined ? 0 : ERROR_INDEX.get(error.code)!;
    if (error !== undefined) this.#messages.set(row, error.message);
    if (exchange.requestId !== undefined) this.#requestIds.set(row, exchange.requestId);
    if (exchange.learnedTraceId !== undefined) {
      this.#learnedIds.set(row, [exchange.learnedTraceId, exchange.learnedSpanId!]);
    }
  }

  /** The record of request `seq`, which must have been added (and, without `retain`, be the latest added). */
  record(seq: number): RequestRecord {
    const row = this.#row(seq);
    const { plan, ids, unixOffsetMs } = this.sources;
    const entry = plan.entries[this.#entry[row]!]!;
    const correlation = CORRELATIONS[this.#correlation[row]!]!;
    let traceId: string | undefined;
    let spanId: string | undefined;
    if (correlation === 'traceparent') {
      const traceparent = entry.traceparent;
      ({ traceId, spanId } = traceparent ?? ids.ids(seq));
    } else {
      [traceId, spanId] = this.#learnedIds.get(row) ?? [];
    }
    const code = ERROR_CODES[this.#error[row]!];
    const status = this.#status[row]!;
    const connectMs = this.#connect[row]!;
    const ttfbMs = this.#headers[row]!;
    return {
      seq,
      route: entry.route,
      method: entry.method,
      url: plan.origin + entry.path.render(seq),
      traceId,
      spanId,
      correlation,
      requestId: this.#requestIds.get(row),
      status: status === 0 ? undefined : status,
      error: code === undefined ? undefined : { code, message: this.#messages.get(row)! },
      timings: {
        startUnixMs: unixOffsetMs + this.#start[row]!,
        connectMs: Number.isNaN(connectMs) ? undefined : connectMs,
        ttfbMs: Number.isNaN(ttfbMs) ? undefined : ttfbMs,
        totalMs: this.#total[row]!,
      },
      bytesReceived: this.#bytes[row]!,
    };
  }

  /** Records 1 to `count`, in order. */
  records(count: number): RequestRecord[] {
    return Array.from({ length: count }, (_, row) => this.record(row + 1));
  }

  #row(seq: number): number {
    return this.retain ? seq - 1 : 0;
  }

  #grow(rows: number): void {
    const capacity = Math.max(rows, this.#capacity * 2);
    this.#entry = grown(this.#entry, capacity);
    this.#status = grown(this.#status, capacity);
    this.#error = grown(this.#error, capacity);
    this.#correlation = grown(this.#correlation, capacity);
    this.#start = grown(this.#start, capacity);
    this.#connect = grown(this.#connect, capacity);
    this.#headers = grown(this.#headers, capacity);
    this.#total = grown(this.#total, capacity);
    this.#bytes = grown(this.#bytes, capacity);
    this.#capacity = capacity;
  }
}
