import { parseSpanId } from '../../collect/span-table/hex-words.js';
import * as rowLayout from '../../collect/span-table/span-rows.js';
import type { SpanNode } from '../../forest/span-node.js';
import type { TraceTree } from '../../forest/trace-tree.js';
import type { RequestRecord } from '../../traffic/request-record.js';
import type { CheckContext } from './check-context.js';
import type { RequestEntry } from './request-entries.js';
import { reachedService } from './request-entries.js';
import { SpanColumns } from './span-columns.js';
import { NO_COLUMNS } from '../../forest/row-forest.js';
import { keepShape } from '../../forest/_internals/keep-shape.js';

// Module-local copies of imported bindings: where a loader compiles modules to CommonJS (tsx does), every read of
// an imported binding is a getter call, and these are read for every span.
const { HAS_PARENT, PARENT_HIGH, PARENT_LOW, base } = rowLayout;

const injected = new Int32Array(2);

/**
 * A request's entry found in the columns; the node is built only when a check reads `entry`. What follows from the
 * record is read from it, not copied: one of these per request stays alive through every check.
 */
class RowRequestEntry implements RequestEntry {
  readonly record: RequestRecord;
  readonly position: number;
  readonly trace: number;
  readonly #forest: ReadonlyMap<string, TraceTree>;
  readonly #spans: SpanColumns;

  constructor(
    record: RequestRecord,
    trace: number,
    position: number,
    forest: ReadonlyMap<string, TraceTree>,
    spans: SpanColumns,
  ) {
    this.record = record;
    this.trace = trace;
    this.position = position;
    this.#forest = forest;
    this.#spans = spans;
  }

  /** The injected trace id (rowEntries takes only records that have one). */
  get traceId(): string {
    return this.record.traceId!;
  }

  get method(): 'traceparent' {
    return 'traceparent';
  }

  get reached(): boolean {
    return reachedService(this.record);
  }

  get found(): boolean {
    return this.position !== -1;
  }

  get entry(): SpanNode | undefined {
    if (this.position === -1) return undefined;
    const spans = this.#spans;
    return this.#forest.get(this.traceId)?.node(spans.spanId(this.position), spans.kind(this.position));
  }
}

// A request of nothing, for the exemplar that keeps RowRequestEntry's hidden class (see keepShape).
const NO_REQUEST: RequestRecord = {
  seq: 0,
  route: '',
  method: '',
  url: '',
  traceId: undefined,
  spanId: undefined,
  correlation: 'traceparent',
  requestId: undefined,
  status: undefined,
  error: undefined,
  timings: { startUnixMs: 0, connectMs: 0, ttfbMs: 0, totalMs: 0 },
  bytesReceived: 0,
};
keepShape(new RowRequestEntry(NO_REQUEST, -1, -1, new Map(), new SpanColumns(NO_COLUMNS)));

/**
 * Every request's entry span found in the columns (as `findRequestEntries` finds it for `traceparent`), or
 * undefined when some request was correlated another way: those take the tree path.
 */
export function rowEntries(context: CheckContext, spans: SpanColumns): RequestEntry[] | undefined {
  const { records } = context.input;
  const { entryKinds } = context.options;
  const columns = spans.columns;
  const results: RequestEntry[] = [];
  for (const record of records) {
    if (record.correlation !== 'traceparent' || record.traceId === undefined || record.spanId === undefined) {
      return undefined;
    }
    const trace = columns.traceOf(record.traceId);
    let position = -1;
    // Every span here has a 16-digit lowercase id, so another parent id names none of them.
    if (trace !== -1 && parseSpanId(record.spanId, injected)) {
      position = entryBelowInjected(spans, trace, entryKinds);
    }
    results.push(new RowRequestEntry(record, trace, position, context.input.forest, spans));
  }
  return results;
}

// As underInjected: an orphan of an entry kind whose parent is the injected span, else such a child of it.
function entryBelowInjected(spans: SpanColumns, trace: number, entryKinds: ReadonlySet<string>): number {
  const { columns } = spans;
  const from = columns.traceStart[trace]!;
  const to = columns.traceStart[trace + 1]!;
  const high = injected[0]!;
  const low = injected[1]!;
  for (let p = from; p < to; p++) {
    if (columns.parentAt[p] !== -1) continue;
    const row = columns.rowAt[p]!;
    const words = columns.parts.rows.chunk(row).words;
    const at = base(row);
    const isBelow =
      (spans.bits(p) & HAS_PARENT) !== 0 && words[at + PARENT_HIGH] === high && words[at + PARENT_LOW] === low;
    if (isBelow && entryKinds.has(spans.kind(p))) return p;
  }
  for (let p = from; p < to; p++) {
    if (spans.spanIdHigh(p) !== high || spans.spanIdLow(p) !== low) continue;
    for (let child = p + 1; child < to; child++) {
      if (columns.parentAt[child] === p && entryKinds.has(spans.kind(child))) return child;
    }
    return -1;
  }
  return -1;
}
