import type { AttributeValue, Attributes } from '../../model/attributes.js';
import { EMPTY_ATTRIBUTES } from '../../model/attributes.js';
import type { SpanRecord, SpanStatus } from '../../model/span.js';
import { NO_EVENTS, NO_LINKS, SPAN_KINDS, STATUS_ERROR, STATUS_OK, STATUS_UNSET } from '../../model/span.js';
import { wordsToHex } from './hex-words.js';
import {
  B_ATTRIBUTES,
  B_ATTRIBUTE_COUNT,
  B_BITS,
  B_END_LOW,
  B_EXTRAS,
  B_ORIGIN,
  B_PARENT_HIGH,
  B_PARENT_LOW,
  B_SPAN_HIGH,
  B_SPAN_LOW,
  B_START_LOW,
  WORDS_PER_STAGED_SPAN,
} from './span-batch.js';
import type { SpanBatch } from './span-batch.js';
import { HAS_PARENT, STATUS_SHIFT, TRACE_FLAGS_SHIFT } from './span-rows.js';
import { stagedTime } from './write-staged-row.js';

const STATUS_CODES = ['unset', 'ok', 'error'] as const;
const SHARED_STATUS: readonly SpanStatus[] = [STATUS_UNSET, STATUS_OK, STATUS_ERROR];

function attributesOf(batch: SpanBatch, from: number, count: number): Attributes {
  if (count === 0) return EMPTY_ATTRIBUTES;
  const map: Record<string, AttributeValue> = {};
  for (let i = from; i < from + count; i++) {
    const key = batch.keys[i]!;
    const value = batch.values[i]!;
    // a wire key `__proto__` must become an own property; a repeated key keeps its first place and last value
    if (key === '__proto__')
      Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
    else map[key] = value;
  }
  return map;
}

/**
 * Staged span number `span` of `batch` as a record, equal to what the record decoders make of the same span: for
 * the rare span that needs one (a duplicate to compare, a negative duration to report).
 */
export function stagedRecord(batch: SpanBatch, span: number): SpanRecord {
  const words = batch.words;
  const at = span * WORDS_PER_STAGED_SPAN;
  const bits = words[at + B_BITS]!;
  const extras = words[at + B_EXTRAS] === -1 ? undefined : batch.extras[words[at + B_EXTRAS]!];
  const statusCode = (bits >>> STATUS_SHIFT) & 3;
  const statusMessage = extras?.statusMessage ?? '';
  const origin = batch.origins[words[at + B_ORIGIN]!]!;
  return {
    traceId: batch.traceIds[span]!,
    spanId: wordsToHex(words[at + B_SPAN_HIGH]!, words[at + B_SPAN_LOW]!),
    parentSpanId: (bits & HAS_PARENT) === 0 ? '' : wordsToHex(words[at + B_PARENT_HIGH]!, words[at + B_PARENT_LOW]!),
    name: batch.names[span]!,
    kind: SPAN_KINDS[bits & 7]!,
    startTimeUnixNano: stagedTime(words, at + B_START_LOW),
    endTimeUnixNano: stagedTime(words, at + B_END_LOW),
    status:
      statusMessage === '' ? SHARED_STATUS[statusCode]! : { code: STATUS_CODES[statusCode]!, message: statusMessage },
    attributes: attributesOf(batch, words[at + B_ATTRIBUTES]!, words[at + B_ATTRIBUTE_COUNT]!),
    events: extras?.events ?? NO_EVENTS,
    links: extras?.links ?? NO_LINKS,
    resource: origin.resource,
    scope: origin.scope,
    traceFlags: (bits >>> TRACE_FLAGS_SHIFT) & 0xff,
    traceState: extras?.traceState ?? '',
  };
}
