import { STATUS_UNSET } from '../../model/span.js';
import { MAX_SHAPE_KEYS } from './attribute-shapes.js';
import { RowExtras } from './row-extras.js';
import {
  B_ATTRIBUTES,
  B_ATTRIBUTE_COUNT,
  B_BITS,
  B_END_HIGH,
  B_END_LOW,
  B_EXTRAS,
  B_PARENT_HIGH,
  B_PARENT_LOW,
  B_SPAN_HIGH,
  B_SPAN_LOW,
  B_START_HIGH,
  B_START_LOW,
  WORDS_PER_STAGED_SPAN,
} from './span-batch.js';
import type { SpanBatch, StagedExtras } from './span-batch.js';
import {
  BITS,
  END_SLOT,
  HAS_EXTRAS,
  NEXT_IN_TRACE,
  NO_ROW,
  ORIGIN,
  PARENT_HIGH,
  PARENT_LOW,
  SHAPE,
  SPAN_HIGH,
  SPAN_LOW,
  START_SLOT,
  TRACE,
  VALUES_AT,
  base,
} from './span-rows.js';
import type { TableParts } from './table-parts.js';
import { slot } from './value-store.js';

// Times are written as two words into their 64-bit slot, which needs the platform's byte order to be little-endian.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
// The most values one row writes: its name, a shape's worth of attribute values and the extras.
const MAX_ROW_VALUES = 2 + MAX_SHAPE_KEYS;

function rowExtrasOf(extras: StagedExtras): RowExtras {
  const { events, links, statusMessage, traceState } = extras;
  // Only the message of the status is kept in extras (the code is in the row's bits).
  const status = statusMessage === '' ? STATUS_UNSET : { code: 'unset' as const, message: statusMessage };
  const source = { events, links, status, traceState, spanId: '', parentSpanId: '', traceFlags: 0 };
  return new RowExtras({ ...source, startTimeUnixNano: 0n, endTimeUnixNano: 0n }, false, false);
}

/**
 * Appends staged span number `span` of `batch` as a new row of trace number `trace` with origin `origin`; returns
 * the row. The row is the one `writeRow` makes from the same span's record, without the record.
 */
export function writeStagedRow(
  parts: TableParts,
  batch: SpanBatch,
  span: number,
  trace: number,
  origin: number,
): number {
  const row = parts.rows.append();
  const chunk = parts.rows.chunk(row);
  const words = chunk.words;
  const at = base(row);
  const staged = batch.words;
  const from = span * WORDS_PER_STAGED_SPAN;
  const extrasIndex = staged[from + B_EXTRAS]!;
  const extras = extrasIndex === -1 ? undefined : rowExtrasOf(batch.extras[extrasIndex]!);
  words[at + TRACE] = trace;
  words[at + NEXT_IN_TRACE] = NO_ROW;
  words[at + SPAN_HIGH] = staged[from + B_SPAN_HIGH]!;
  words[at + SPAN_LOW] = staged[from + B_SPAN_LOW]!;
  words[at + PARENT_HIGH] = staged[from + B_PARENT_HIGH]!;
  words[at + PARENT_LOW] = staged[from + B_PARENT_LOW]!;
  words[at + BITS] = staged[from + B_BITS]! | (extras === undefined ? 0 : HAS_EXTRAS);
  words[at + ORIGIN] = origin;
  const timeAt = at >>> 1;
  if (LITTLE_ENDIAN) {
    words[(timeAt + START_SLOT) * 2] = staged[from + B_START_LOW]!;
    words[(timeAt + START_SLOT) * 2 + 1] = staged[from + B_START_HIGH]!;
    words[(timeAt + END_SLOT) * 2] = staged[from + B_END_LOW]!;
    words[(timeAt + END_SLOT) * 2 + 1] = staged[from + B_END_HIGH]!;
  } else {
    chunk.times[timeAt + START_SLOT] = stagedTime(staged, from + B_START_LOW);
    chunk.times[timeAt + END_SLOT] = stagedTime(staged, from + B_END_LOW);
  }
  const store = parts.values;
  const valuesAt = store.begin(MAX_ROW_VALUES);
  const values = store.chunk(valuesAt);
  const first = slot(valuesAt);
  values[first] = batch.names[span];
  const shape = parts.shapes.encodeList(
    batch.keys,
    batch.values,
    staged[from + B_ATTRIBUTES]!,
    staged[from + B_ATTRIBUTE_COUNT]!,
    values,
    first + 1,
  );
  let end = valuesAt + 1 + shape.size;
  if (extras !== undefined) values[slot(end++)] = extras;
  store.commit(end);
  words[at + VALUES_AT] = valuesAt;
  words[at + SHAPE] = shape.id;
  return row;
}

/** The unsigned 64-bit time whose low word is at `at` of `words` and high word follows it. */
export function stagedTime(words: Int32Array, at: number): bigint {
  return (BigInt(words[at + 1]! >>> 0) << 32n) | BigInt(words[at]! >>> 0);
}
