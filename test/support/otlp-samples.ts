/** Sample OTLP records and hand-made protobuf bytes for the decoder tests. */
import protobuf from 'protobufjs';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import type { Attributes } from '../../harness/model/attributes.js';
import type { LogRecord } from '../../harness/model/log.js';
import { NO_EVENTS, NO_LINKS, STATUS_UNSET } from '../../harness/model/span.js';
import type { Resource, Scope, SpanRecord } from '../../harness/model/span.js';

export const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
export const SPAN_ID = 'b7ad6b7169203331';
export const PARENT_ID = '00f067aa0ba902b7';

/** A resource as the decoders build it: serviceName mirrors the `service.name` attribute. */
export function sampleResource(serviceName = 'checkout-api', extra: Attributes = {}): Resource {
  return { serviceName, attributes: { 'service.name': serviceName, ...extra } };
}

export const SAMPLE_SCOPE: Scope = {
  name: '@opentelemetry/instrumentation-http',
  version: '0.223.1',
  attributes: EMPTY_ATTRIBUTES,
};

/** A server span with a few HTTP attributes; override any field. */
export function sampleSpan(overrides: Partial<SpanRecord> = {}): SpanRecord {
  return {
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    parentSpanId: PARENT_ID,
    name: 'GET /api/orders/:id',
    kind: 'server',
    startTimeUnixNano: 1_700_000_000_123_456_789n,
    endTimeUnixNano: 1_700_000_000_223_456_789n,
    status: STATUS_UNSET,
    attributes: { 'http.request.method': 'GET', 'http.route': '/api/orders/:id', 'http.response.status_code': 200 },
    events: NO_EVENTS,
    links: NO_LINKS,
    resource: sampleResource(),
    scope: SAMPLE_SCOPE,
    traceFlags: 1,
    traceState: '',
    ...overrides,
  };
}

/** A log record written inside SAMPLE span; override any field. */
export function sampleLog(overrides: Partial<LogRecord> = {}): LogRecord {
  const resource = overrides.resource ?? sampleResource();
  return {
    timeUnixNano: 1_700_000_000_150_000_000n,
    observedTimeUnixNano: 1_700_000_000_150_000_500n,
    severityNumber: 9,
    severityText: 'INFO',
    body: 'order 42 accepted',
    attributes: { 'order.id': 42 },
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    traceFlags: 1,
    service: resource.serviceName,
    resource,
    scope: SAMPLE_SCOPE,
    source: { kind: 'otlp' },
    ...overrides,
  };
}

/** The bytes of one protobuf field: tag, then the payload as given (already encoded). */
export function rawField(field: number, wireType: number, payload: Uint8Array): Uint8Array {
  const tag = protobuf.Writer.create()
    .uint32((field << 3) | wireType)
    .finish();
  if (wireType !== 2) return concatBytes(tag, payload);
  const length = protobuf.Writer.create().uint32(payload.length).finish();
  return concatBytes(tag, length, payload);
}

/** Concatenation of byte arrays (a protobuf message is the concatenation of its fields). */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** One field of every wire type, under field numbers no OTLP message uses (90-95), groups included. */
export function unknownFieldsOfEveryWireType(): Uint8Array {
  const varint = protobuf.Writer.create().uint64('18446744073709551615').finish();
  return concatBytes(
    rawField(90, 0, varint),
    rawField(91, 1, new Uint8Array(8).fill(0xab)),
    rawField(92, 2, Buffer.from('ignored bytes')),
    rawField(93, 5, new Uint8Array(4).fill(0xcd)),
    // a group holding a nested field, closed by its end-group tag
    rawField(94, 3, concatBytes(rawField(1, 0, Uint8Array.of(7)), rawField(95, 2, Uint8Array.of(1, 2)))),
    protobuf.Writer.create()
      .uint32((94 << 3) | 4)
      .finish(),
  );
}
