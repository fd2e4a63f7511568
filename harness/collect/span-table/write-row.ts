import type { SpanRecord } from '../../model/span.js';
import { MAX_SHAPE_KEYS } from './attribute-shapes.js';
import { parseSpanId } from './hex-words.js';
import { RowExtras, needsExtras } from './row-extras.js';
import {
  BITS,
  END_SLOT,
  HAS_EXTRAS,
  HAS_PARENT,
  NEXT_IN_TRACE,
  NO_ROW,
  ODD_SPAN_ID,
  ORIGIN,
  PARENT_HIGH,
  PARENT_LOW,
  SHAPE,
  SPAN_HIGH,
  SPAN_LOW,
  START_SLOT,
  STATUS_SHIFT,
  TRACE,
  TRACE_FLAGS_SHIFT,
  VALUES_AT,
  base,
} from './span-rows.js';
import type { SpanKey, TableParts } from './table-parts.js';
import { statusIndex } from './table-parts.js';
import { slot } from './value-store.js';

// Scratch for the parent id's words: parsing allocates nothing.
const parentWords = new Int32Array(2);

/** Appends `span` as a new row of trace number `trace` (its span id already parsed into `key`); returns the row. */
export function writeRow(parts: TableParts, span: SpanRecord, trace: number, kind: number, key: SpanKey): number {
  const row = parts.rows.append();
  const chunk = parts.rows.chunk(row);
  const words = chunk.words;
  const at = base(row);
  let bits = kind | (statusIndex(span.status.code) << STATUS_SHIFT) | ((span.traceFlags & 0xff) << TRACE_FLAGS_SHIFT);
  const parentSpanId = span.parentSpanId;
  let oddParent = false;
  if (parentSpanId !== '') {
    if (parseSpanId(parentSpanId, parentWords)) {
      bits |= HAS_PARENT;
      words[at + PARENT_HIGH] = parentWords[0]!;
      words[at + PARENT_LOW] = parentWords[1]!;
    } else {
      oddParent = true;
    }
  }
  if (key.odd) bits |= ODD_SPAN_ID;
  const extras = key.odd || oddParent || needsExtras(span) ? new RowExtras(span, key.odd, oddParent) : undefined;
  if (extras !== undefined) bits |= HAS_EXTRAS;
  words[at + TRACE] = trace;
  words[at + NEXT_IN_TRACE] = NO_ROW;
  words[at + SPAN_HIGH] = key.high;
  words[at + SPAN_LOW] = key.low;
  words[at + BITS] = bits;
  words[at + ORIGIN] = parts.origins.indexOf(span.resource, span.scope);
  const timeAt = at >>> 1;
  // A time that does not fit its slot lives in the extras (and the slot holds 0).
  chunk.times[timeAt + START_SLOT] = extras?.startTimeUnixNano === undefined ? span.startTimeUnixNano : 0n;
  chunk.times[timeAt + END_SLOT] = extras?.endTimeUnixNano === undefined ? span.endTimeUnixNano : 0n;
  writeValues(parts, span, words, at, extras);
  return row;
}

// The most values one row writes: its name, a shape's worth of attribute values and the extras.
const MAX_ROW_VALUES = 2 + MAX_SHAPE_KEYS;

// The row's slots in the value store: name, attribute values in shape order, then the extras if any.
function writeValues(
  parts: TableParts,
  span: SpanRecord,
  words: Int32Array,
  at: number,
  extras: RowExtras | undefined,
): void {
  const store = parts.values;
  const valuesAt = store.begin(MAX_ROW_VALUES);
  const values = store.chunk(valuesAt);
  const first = slot(valuesAt);
  values[first] = span.name;
  const shape = parts.shapes.encode(span.attributes, values, first + 1);
  let end = valuesAt + 1 + shape.size;
  if (extras !== undefined) values[slot(end++)] = extras;
  store.commit(end);
  words[at + VALUES_AT] = valuesAt;
  words[at + SHAPE] = shape.id;
}
