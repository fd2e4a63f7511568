/**
 * Test helpers that speak OTLP the way exporters do: records → OTLP/JSON request objects (ids hex, 64-bit
 * integers as strings) and → protobufjs request objects (ids as bytes), encoded and decoded by protobufjs.
 */
import type { AttributeValue, Attributes } from '../../harness/model/attributes.js';
import type { LogRecord } from '../../harness/model/log.js';
import { SPAN_KINDS } from '../../harness/model/span.js';
import type { Resource, Scope, SpanRecord, StatusCode } from '../../harness/model/span.js';
import { ExportLogsServiceRequest, ExportTraceServiceRequest } from './otlp-schema.js';

export {
  ExportLogsServiceRequest,
  ExportTraceServiceRequest,
  RpcStatus,
  exportResponseTypes,
  otlpRoot,
  otlpType,
} from './otlp-schema.js';

type Json = Record<string, unknown>;

/** How one encoding writes ids, 64-bit integers, doubles and bytes. */
interface Encoding {
  id(hex: string): unknown;
  uint64(value: bigint): unknown;
  int64(value: number | bigint): unknown;
  double(value: number): unknown;
  bytes(value: Uint8Array): unknown;
}

// protobufjs takes {low, high} for 64-bit fields whether or not the long package is present.
function longBits(value: bigint): { low: number; high: number; unsigned: boolean } {
  const bits = BigInt.asUintN(64, value);
  return { low: Number(bits & 0xffff_ffffn), high: Number(bits >> 32n), unsigned: false };
}

const JSON_ENCODING: Encoding = {
  id: (hex) => hex,
  uint64: (value) => value.toString(),
  int64: (value) => value.toString(),
  double: (value) => (Number.isFinite(value) ? value : String(value)),
  bytes: (value) => Buffer.from(value).toString('base64'),
};

const PROTOBUF_ENCODING: Encoding = {
  id: (hex) => Buffer.from(hex, 'hex'),
  uint64: longBits,
  int64: (value) => longBits(BigInt(value)),
  double: (value) => value,
  bytes: (value) => value,
};

const STATUS_NUMBERS: Record<StatusCode, number> = { unset: 0, ok: 1, error: 2 };

function anyValue(value: AttributeValue, encoding: Encoding): Json {
  if (value === null) return {};
  switch (typeof value) {
    case 'string':
      return { stringValue: value };
    case 'boolean':
      return { boolValue: value };
    case 'bigint':
      return { intValue: encoding.int64(value) };
    case 'number':
      // integers travel as intValue, like exporters send them; -0 only survives as a double
      return Number.isSafeInteger(value) && !Object.is(value, -0)
        ? { intValue: encoding.int64(value) }
        : { doubleValue: encoding.double(value) };
  }
  if (value instanceof Uint8Array) return { bytesValue: encoding.bytes(value) };
  if (Array.isArray(value)) {
    return { arrayValue: { values: (value as readonly AttributeValue[]).map((item) => anyValue(item, encoding)) } };
  }
  return { kvlistValue: { values: keyValues(value as Attributes, encoding) } };
}

function keyValues(attributes: Attributes, encoding: Encoding): Json[] {
  return Object.keys(attributes).map((key) => ({ key, value: anyValue(attributes[key]!, encoding) }));
}

function scopeMessage(scope: Scope, encoding: Encoding): Json {
  return { name: scope.name, version: scope.version, attributes: keyValues(scope.attributes, encoding) };
}

function spanMessage(span: SpanRecord, encoding: Encoding): Json {
  const message: Json = {
    traceId: encoding.id(span.traceId),
    spanId: encoding.id(span.spanId),
    name: span.name,
    kind: SPAN_KINDS.indexOf(span.kind),
    startTimeUnixNano: encoding.uint64(span.startTimeUnixNano),
    endTimeUnixNano: encoding.uint64(span.endTimeUnixNano),
    attributes: keyValues(span.attributes, encoding),
    events: span.events.map((event) => ({
      timeUnixNano: encoding.uint64(event.timeUnixNano),
      name: event.name,
      attributes: keyValues(event.attributes, encoding),
    })),
    links: span.links.map((link) => ({
      traceId: encoding.id(link.traceId),
      spanId: encoding.id(link.spanId),
      traceState: link.traceState,
      attributes: keyValues(link.attributes, encoding),
    })),
    status: { code: STATUS_NUMBERS[span.status.code], message: span.status.message },
    flags: span.traceFlags,
    traceState: span.traceState,
  };
  if (span.parentSpanId !== '') message.parentSpanId = encoding.id(span.parentSpanId);
  return message;
}

function logMessage(log: LogRecord, encoding: Encoding): Json {
  const message: Json = {
    timeUnixNano: encoding.uint64(log.timeUnixNano),
    observedTimeUnixNano: encoding.uint64(log.observedTimeUnixNano),
    severityNumber: log.severityNumber,
    severityText: log.severityText,
    attributes: keyValues(log.attributes, encoding),
    flags: log.traceFlags,
  };
  if (log.body !== null) message.body = anyValue(log.body, encoding);
  if (log.traceId !== '') message.traceId = encoding.id(log.traceId);
  if (log.spanId !== '') message.spanId = encoding.id(log.spanId);
  return message;
}

// Items are grouped by their (shared) resource and scope objects, in first-seen order.
function grouped<T extends { resource: Resource; scope: Scope }>(items: readonly T[]): Map<Resource, Map<Scope, T[]>> {
  const groups = new Map<Resource, Map<Scope, T[]>>();
  for (const item of items) {
    let scopes = groups.get(item.resource);
    if (scopes === undefined) groups.set(item.resource, (scopes = new Map<Scope, T[]>()));
    let list = scopes.get(item.scope);
    if (list === undefined) scopes.set(item.scope, (list = []));
    list.push(item);
  }
  return groups;
}

function spansRequest(spans: readonly SpanRecord[], encoding: Encoding): Json {
  return {
    resourceSpans: [...grouped(spans)].map(([resource, scopes]) => ({
      resource: { attributes: keyValues(resource.attributes, encoding) },
      scopeSpans: [...scopes].map(([scope, list]) => ({
        scope: scopeMessage(scope, encoding),
        spans: list.map((span) => spanMessage(span, encoding)),
      })),
    })),
  };
}

function logsRequest(logs: readonly LogRecord[], encoding: Encoding): Json {
  return {
    resourceLogs: [...grouped(logs)].map(([resource, scopes]) => ({
      resource: { attributes: keyValues(resource.attributes, encoding) },
      scopeLogs: [...scopes].map(([scope, list]) => ({
        scope: scopeMessage(scope, encoding),
        logRecords: list.map((log) => logMessage(log, encoding)),
      })),
    })),
  };
}

/** An OTLP/JSON ExportTraceServiceRequest object carrying these spans (ids hex, times as strings). */
export function toOtlpJson(spans: readonly SpanRecord[]): Json {
  return spansRequest(spans, JSON_ENCODING);
}

/** A protobufjs ExportTraceServiceRequest object carrying these spans (ids as bytes). */
export function toOtlpProtobufRequest(spans: readonly SpanRecord[]): Json {
  return spansRequest(spans, PROTOBUF_ENCODING);
}

/** An OTLP/JSON ExportLogsServiceRequest object carrying these logs. */
export function toOtlpLogsJson(logs: readonly LogRecord[]): Json {
  return logsRequest(logs, JSON_ENCODING);
}

/** A protobufjs ExportLogsServiceRequest object carrying these logs. */
export function toOtlpLogsProtobufRequest(logs: readonly LogRecord[]): Json {
  return logsRequest(logs, PROTOBUF_ENCODING);
}

/** Encodes a protobufjs-shaped trace request (from toOtlpProtobufRequest, or written by hand) with protobufjs. */
export function encodeTracesProtobuf(request: Json): Uint8Array {
  return ExportTraceServiceRequest.encode(request).finish();
}

/** Encodes a protobufjs-shaped logs request with protobufjs. */
export function encodeLogsProtobuf(request: Json): Uint8Array {
  return ExportLogsServiceRequest.encode(request).finish();
}

/** Decodes a trace request body into protobufjs message objects (the baseline the benchmark compares with). */
export function decodeTracesWithProtobufjs(body: Uint8Array): unknown {
  return ExportTraceServiceRequest.decode(body);
}

/** Decodes a logs request body into protobufjs message objects. */
export function decodeLogsWithProtobufjs(body: Uint8Array): unknown {
  return ExportLogsServiceRequest.decode(body);
}
