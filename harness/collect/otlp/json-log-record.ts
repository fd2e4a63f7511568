import { SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH } from '../../model/ids.js';
import type { LogRecord } from '../../model/log.js';
import type { Resource, Scope } from '../../model/span.js';
import { internJsonString } from './_internals/json-strings.js';
import { ENUM_NAMES } from './_internals/enums.js';
import { normalizeHexId } from './_internals/hex-text.js';
import { asEnum, asNanos, asString, asUint32, underPath } from './_internals/json-shape.js';
import type { JsonObject } from './_internals/json-shape.js';
import { OTLP_LOG_SOURCE } from './_internals/log-source.js';
import { idFieldProblem } from './_internals/rejection.js';
import { decodeJsonAnyValue, decodeJsonKeyValues } from './json-anyvalue.js';

/** The outcome for one log: its record, or what is wrong with its ids. */
export type JsonLogOutcome = LogRecord | { readonly problem: string };

// Logs may carry no ids at all ('' in the record); ids that are present must be valid.
function optionalId(raw: string, hexLength: number): string | undefined {
  return raw === '' ? '' : normalizeHexId(raw, hexLength);
}

/** Decodes one OTLP/JSON LogRecord; structural errors throw, unusable ids come back as a problem. */
export function decodeJsonLogRecord(log: JsonObject, resource: Resource, scope: Scope): JsonLogOutcome {
  const observedTimeUnixNano = asNanos(log.observedTimeUnixNano ?? log.observed_time_unix_nano, 'observedTimeUnixNano');
  const time = asNanos(log.timeUnixNano ?? log.time_unix_nano, 'timeUnixNano');
  const severityNumber = asEnum(log.severityNumber ?? log.severity_number, ENUM_NAMES.severityNumber, 'severityNumber');
  const severityText = asString(log.severityText ?? log.severity_text, 'severityText');
  let body;
  try {
    body = decodeJsonAnyValue(log.body);
  } catch (error) {
    throw underPath(error, 'body');
  }
  const attributes = decodeJsonKeyValues(log.attributes, 'attributes');
  const traceFlags = asUint32(log.flags, 'flags') & 0xff;
  const rawTraceId = asString(log.traceId ?? log.trace_id, 'traceId');
  const rawSpanId = asString(log.spanId ?? log.span_id, 'spanId');
  const traceId = optionalId(rawTraceId, TRACE_ID_HEX_LENGTH);
  if (traceId === undefined) {
    return { problem: idFieldProblem('traceId', rawTraceId.toLowerCase(), TRACE_ID_HEX_LENGTH) };
  }
  const spanId = optionalId(rawSpanId, SPAN_ID_HEX_LENGTH);
  if (spanId === undefined) {
    return { problem: idFieldProblem('spanId', rawSpanId.toLowerCase(), SPAN_ID_HEX_LENGTH) };
  }
  return {
    timeUnixNano: time === 0n ? observedTimeUnixNano : time,
    observedTimeUnixNano,
    severityNumber,
    severityText: internJsonString(severityText),
    body,
    attributes,
    traceId,
    spanId,
    traceFlags,
    service: resource.serviceName,
    resource,
    scope,
    source: OTLP_LOG_SOURCE,
  };
}
