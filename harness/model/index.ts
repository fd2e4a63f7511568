export type { AttributeValue, AttributeMap, Attributes } from './attributes.js';
export { EMPTY_ATTRIBUTES } from './attributes.js';
export { TRACE_ID_HEX_LENGTH, SPAN_ID_HEX_LENGTH, idProblem, isTraceId, isSpanId, bytesToHex } from './ids.js';
export type { UnixNano } from './time.js';
export { nanosToMillis, millisToNanos, durationNanos } from './time.js';
export type { SpanKind, StatusCode, SpanStatus, SpanEvent, SpanLink, Resource, Scope, SpanRecord } from './span.js';
export { SPAN_KINDS, STATUS_UNSET, STATUS_OK, STATUS_ERROR, NO_EVENTS, NO_LINKS, isRootSpan } from './span.js';
export type { LogSource, LogRecord } from './log.js';
export type { Finding } from './finding.js';
