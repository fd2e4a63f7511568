import { SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH } from '../../model/ids.js';
import { NO_EVENTS, NO_LINKS } from '../../model/span.js';
import type { Resource, Scope, SpanEvent, SpanLink, SpanRecord } from '../../model/span.js';
import { internJsonString } from './_internals/json-strings.js';
import { ENUM_NAMES, spanKindOf, spanStatusOf } from './_internals/enums.js';
import { normalizeHexId } from './_internals/hex-text.js';
import { asArray, asEnum, asNanos, asObject, asString, asUint32, underPath } from './_internals/json-shape.js';
import type { JsonObject } from './_internals/json-shape.js';
import { idFieldProblem } from './_internals/rejection.js';
import { decodeJsonKeyValues } from './json-anyvalue.js';

/** The outcome for one span: its record, or what is wrong with its ids. */
export type JsonSpanOutcome = SpanRecord | { readonly problem: string };

/** Carried across the spans of one request: consecutive spans of a trace share one trace id string. */
export interface JsonSpanContext {
  /** The last valid trace id seen, '' before the first. */
  lastTraceId: string;
}

// The id lowercased, '' when absent and allowed to be; a problem string otherwise.
function idField(
  value: unknown,
  camelName: string,
  hexLength: number,
  optional: boolean,
): string | { readonly problem: string } {
  const raw = asString(value, camelName);
  if (raw === '' && optional) return '';
  const id = normalizeHexId(raw, hexLength);
  return id ?? { problem: idFieldProblem(camelName, raw.toLowerCase(), hexLength) };
}

function decodeEvents(value: unknown): readonly SpanEvent[] {
  const events = asArray(value, 'events');
  if (events === undefined || events.length === 0) return NO_EVENTS;
  const decoded: SpanEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    try {
      const event = asObject(events[i], '') ?? {};
      decoded.push({
        name: internJsonString(asString(event.name, 'name')),
        timeUnixNano: asNanos(event.timeUnixNano ?? event.time_unix_nano, 'timeUnixNano'),
        attributes: decodeJsonKeyValues(event.attributes, 'attributes'),
      });
    } catch (error) {
      throw underPath(error, `events[${i}]`);
    }
  }
  return decoded;
}

function decodeLinks(value: unknown): readonly SpanLink[] | { readonly problem: string } {
  const links = asArray(value, 'links');
  if (links === undefined || links.length === 0) return NO_LINKS;
  const decoded: SpanLink[] = [];
  let problem: { readonly problem: string } | undefined;
  for (let i = 0; i < links.length; i++) {
    try {
      const link = asObject(links[i], '') ?? {};
      const traceId = idField(link.traceId ?? link.trace_id, 'traceId', TRACE_ID_HEX_LENGTH, false);
      const spanId = idField(link.spanId ?? link.span_id, 'spanId', SPAN_ID_HEX_LENGTH, false);
      const traceState = asString(link.traceState ?? link.trace_state, 'traceState');
      const attributes = decodeJsonKeyValues(link.attributes, 'attributes');
      if (typeof traceId !== 'string') problem ??= { problem: `links[${i}].${traceId.problem}` };
      else if (typeof spanId !== 'string') problem ??= { problem: `links[${i}].${spanId.problem}` };
      else decoded.push({ traceId, spanId, traceState: internJsonString(traceState), attributes });
    } catch (error) {
      throw underPath(error, `links[${i}]`);
    }
  }
  return problem ?? decoded;
}

/** Decodes one OTLP/JSON Span; structural errors throw, unusable ids come back as a problem. */
export function decodeJsonSpan(
  span: JsonObject,
  resource: Resource,
  scope: Scope,
  context: JsonSpanContext,
): JsonSpanOutcome {
  // Every field is decoded before ids are judged, so a malformed body is refused whatever its ids.
  const rawTraceId = span.traceId ?? span.trace_id;
  // spans of one trace travel together: an id equal to the last valid one needs no second check
  const traceId =
    rawTraceId === context.lastTraceId && rawTraceId !== ''
      ? context.lastTraceId
      : idField(rawTraceId, 'traceId', TRACE_ID_HEX_LENGTH, false);
  const spanId = idField(span.spanId ?? span.span_id, 'spanId', SPAN_ID_HEX_LENGTH, false);
  const parentSpanId = idField(span.parentSpanId ?? span.parent_span_id, 'parentSpanId', SPAN_ID_HEX_LENGTH, true);
  const name = internJsonString(asString(span.name, 'name'));
  const kind = spanKindOf(asEnum(span.kind, ENUM_NAMES.kind, 'kind'));
  const startTimeUnixNano = asNanos(span.startTimeUnixNano ?? span.start_time_unix_nano, 'startTimeUnixNano');
  const endTimeUnixNano = asNanos(span.endTimeUnixNano ?? span.end_time_unix_nano, 'endTimeUnixNano');
  const attributes = decodeJsonKeyValues(span.attributes, 'attributes');
  const events = decodeEvents(span.events);
  const links = decodeLinks(span.links);
  const statusMessage = asObject(span.status, 'status');
  const status =
    statusMessage === undefined
      ? spanStatusOf(0, '')
      : spanStatusOf(
          asEnum(statusMessage.code, ENUM_NAMES.code, 'status.code'),
          internJsonString(asString(statusMessage.message, 'status.message')),
        );
  const traceFlags = asUint32(span.flags, 'flags') & 0xff;
  const traceState = asString(span.traceState ?? span.trace_state, 'traceState');

  if (typeof traceId !== 'string') return traceId;
  if (typeof spanId !== 'string') return spanId;
  if (typeof parentSpanId !== 'string') return parentSpanId;
  if (!Array.isArray(links)) return links as { readonly problem: string };
  context.lastTraceId = traceId;
  return {
    traceId,
    spanId,
    parentSpanId,
    name,
    kind,
    startTimeUnixNano,
    endTimeUnixNano,
    status,
    attributes,
    events,
    links: links as readonly SpanLink[],
    resource,
    scope,
    traceFlags,
    traceState: internJsonString(traceState),
  };
}
