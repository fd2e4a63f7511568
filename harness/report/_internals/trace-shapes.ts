import { SPAN_KINDS } from '../../model/span.js';
import type { ReportTrace, ReportValue } from '../report-trace.js';
import { spanId, spanIdOrEmpty, traceId } from './id-shapes.js';
import type { Shape } from './shape.js';
import { anyJson, array, count, integer, matching, object, oneOf, record, string } from './shape.js';

const value = anyJson<ReportValue>();
const attributes = record(value);

const span = object({
  spanId,
  parentSpanId: spanIdOrEmpty,
  name: string,
  kind: oneOf(...SPAN_KINDS),
  service: string,
  startOffsetNs: count,
  durationNs: integer,
  status: oneOf('unset', 'ok', 'error'),
  statusMessage: string,
  attributes,
  events: array(object({ name: string, offsetNs: integer, attributes })),
  links: array(object({ traceId, spanId })),
});

const log = object({
  offsetNs: integer,
  severityText: string,
  body: value,
  service: string,
  spanId: spanIdOrEmpty,
  attributes,
});

/** One entry of `traces`. */
export const reportTrace: Shape<ReportTrace> = object({
  traceId,
  startTimeUnixNano: matching(/^(?:0|[1-9][0-9]*)$/, 'nanoseconds since the epoch as a decimal string'),
  spans: array(span),
  logs: array(log),
  omittedSpans: count,
  omittedLogs: count,
});
