import type { SpanRecord, SpanStatus } from '../../model/span.js';
import { NO_EVENTS, NO_LINKS, SPAN_KINDS, STATUS_ERROR, STATUS_OK, STATUS_UNSET } from '../../model/span.js';
import { wordsToHex } from './hex-words.js';
import type { RowExtras } from './row-extras.js';
import {
  BITS,
  END_SLOT,
  HAS_EXTRAS,
  HAS_PARENT,
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
import type { TableParts } from './table-parts.js';
import { slot } from './value-store.js';

const STATUS_CODES = ['unset', 'ok', 'error'] as const;
const SHARED_STATUS: readonly SpanStatus[] = [STATUS_UNSET, STATUS_OK, STATUS_ERROR];

/** The extras of `row`, which the caller knows has some. */
export function rowExtras(parts: TableParts, row: number): RowExtras {
  const words = parts.rows.chunk(row).words;
  const at = base(row);
  const valuesAt = words[at + VALUES_AT]!;
  const size = parts.shapes.byId(words[at + SHAPE]!).size;
  return parts.values.chunk(valuesAt)[slot(valuesAt) + 1 + size] as RowExtras;
}

/** The span stored in `row`, as a fresh record equal to the one that was added. */
export function readRow(parts: TableParts, row: number): SpanRecord {
  const chunk = parts.rows.chunk(row);
  const words = chunk.words;
  const at = base(row);
  const bits = words[at + BITS]!;
  const valuesAt = words[at + VALUES_AT]!;
  const values = parts.values.chunk(valuesAt);
  const first = slot(valuesAt);
  const shape = parts.shapes.byId(words[at + SHAPE]!);
  const origin = words[at + ORIGIN]!;
  const timeAt = at >>> 1;
  const parentSpanId = (bits & HAS_PARENT) !== 0 ? wordsToHex(words[at + PARENT_HIGH]!, words[at + PARENT_LOW]!) : '';
  if ((bits & HAS_EXTRAS) === 0) {
    return {
      traceId: parts.traces.ids[words[at + TRACE]!]!,
      spanId: wordsToHex(words[at + SPAN_HIGH]!, words[at + SPAN_LOW]!),
      parentSpanId,
      name: values[first] as string,
      kind: SPAN_KINDS[bits & 7]!,
      startTimeUnixNano: chunk.times[timeAt + START_SLOT]!,
      endTimeUnixNano: chunk.times[timeAt + END_SLOT]!,
      status: SHARED_STATUS[(bits >>> STATUS_SHIFT) & 3]!,
      attributes: shape.build(values, first + 1),
      events: NO_EVENTS,
      links: NO_LINKS,
      resource: parts.origins.resources[origin]!,
      scope: parts.origins.scopes[origin]!,
      traceFlags: (bits >>> TRACE_FLAGS_SHIFT) & 0xff,
      traceState: '',
    };
  }
  const extras = values[first + 1 + shape.size] as RowExtras;
  const statusCode = (bits >>> STATUS_SHIFT) & 3;
  return {
    traceId: parts.traces.ids[words[at + TRACE]!]!,
    spanId: (bits & ODD_SPAN_ID) !== 0 ? extras.oddSpanId : wordsToHex(words[at + SPAN_HIGH]!, words[at + SPAN_LOW]!),
    parentSpanId: extras.oddParentSpanId !== '' ? extras.oddParentSpanId : parentSpanId,
    name: values[first] as string,
    kind: SPAN_KINDS[bits & 7]!,
    startTimeUnixNano: extras.startTimeUnixNano ?? chunk.times[timeAt + START_SLOT]!,
    endTimeUnixNano: extras.endTimeUnixNano ?? chunk.times[timeAt + END_SLOT]!,
    status:
      extras.statusMessage === ''
        ? SHARED_STATUS[statusCode]!
        : { code: STATUS_CODES[statusCode]!, message: extras.statusMessage },
    attributes: shape.build(values, first + 1),
    events: extras.events,
    links: extras.links,
    resource: parts.origins.resources[origin]!,
    scope: parts.origins.scopes[origin]!,
    traceFlags: extras.traceFlags ?? (bits >>> TRACE_FLAGS_SHIFT) & 0xff,
    traceState: extras.traceState,
  };
}
