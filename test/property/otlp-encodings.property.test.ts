import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { OtlpDecodeError } from '../../harness/errors.js';
import { decodeLogsJson } from '../../harness/collect/otlp/json-logs.js';
import { decodeTracesJson } from '../../harness/collect/otlp/json-traces.js';
import { decodeLogsProtobuf } from '../../harness/collect/otlp/protobuf-logs.js';
import { decodeTracesProtobuf } from '../../harness/collect/otlp/protobuf-traces.js';
import type { AttributeValue, Attributes } from '../../harness/model/attributes.js';
import type { LogRecord } from '../../harness/model/log.js';
import { SPAN_KINDS } from '../../harness/model/span.js';
import type { Resource, Scope, SpanRecord } from '../../harness/model/span.js';
import {
  encodeLogsProtobuf,
  encodeTracesProtobuf,
  toOtlpJson,
  toOtlpLogsJson,
  toOtlpLogsProtobufRequest,
  toOtlpProtobufRequest,
} from '../support/otlp-proto.js';

const NUM_RUNS = 250;
const MAX_INT64 = 2n ** 63n - 1n;

// Valid code points only: a lone surrogate cannot travel as UTF-8, so no OTLP exporter can send one.
const text = fc.string({ unit: 'binary', maxLength: 24 });
const name = fc.oneof(fc.constantFrom('GET /api/orders/:id', 'POST', 'exception', 'http.request.method'), text);

const int64Value = fc
  .bigInt({ min: -(MAX_INT64 + 1n), max: MAX_INT64 })
  .map((value): number | bigint =>
    Number.isSafeInteger(Number(value)) && BigInt(Number(value)) === value ? Number(value) : value,
  );

// -0 has no JSON spelling (JSON.stringify writes 0), so it cannot survive OTLP/JSON
const doubleValue = fc.double().filter((value) => !Object.is(value, -0));

const { attributeValue } = fc.letrec<{ attributeValue: AttributeValue; kvlist: Attributes }>((tie) => ({
  attributeValue: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.boolean(),
    int64Value,
    doubleValue,
    fc.uint8Array({ maxLength: 12 }),
    fc.constant(null),
    fc.array(tie('attributeValue'), { maxLength: 3 }),
    tie('kvlist'),
  ),
  kvlist: attributesOf(tie('attributeValue')),
}));

function attributesOf(value: fc.Arbitrary<AttributeValue>): fc.Arbitrary<Attributes> {
  return fc
    .uniqueArray(fc.tuple(name, value), { maxLength: 4, selector: ([key]) => key })
    .map((entries): Attributes => Object.fromEntries(entries));
}

const attributes = attributesOf(attributeValue);

const idHex = (bytes: number) =>
  fc
    .uint8Array({ minLength: bytes, maxLength: bytes })
    .filter((id) => id.some((byte) => byte !== 0))
    .map((id) => Buffer.from(id).toString('hex'));

const nanos = fc.bigInt({ min: 0n, max: MAX_INT64 });

const resource: fc.Arbitrary<Resource> = fc
  .tuple(
    text.filter((serviceName) => serviceName !== ''),
    attributes,
  )
  .map(([serviceName, extra]) => ({ serviceName, attributes: { ...extra, 'service.name': serviceName } }));

const scope: fc.Arbitrary<Scope> = fc.record({ name: text, version: text, attributes });

const spanContent = fc.record({
  traceId: idHex(16),
  spanId: idHex(8),
  parentSpanId: fc.oneof(fc.constant(''), idHex(8)),
  name,
  kind: fc.constantFrom(...SPAN_KINDS),
  startTimeUnixNano: nanos,
  endTimeUnixNano: nanos,
  status: fc.record({ code: fc.constantFrom('unset' as const, 'ok' as const, 'error' as const), message: text }),
  attributes,
  events: fc.array(fc.record({ name, timeUnixNano: nanos, attributes }), { maxLength: 3 }),
  links: fc.array(fc.record({ traceId: idHex(16), spanId: idHex(8), traceState: text, attributes }), { maxLength: 2 }),
  traceFlags: fc.integer({ min: 0, max: 255 }),
  traceState: text,
});

// Batches as exporters send them: records grouped by resource, then by scope, in order.
function batchOf<T>(item: fc.Arbitrary<T>): fc.Arbitrary<(T & { resource: Resource; scope: Scope })[]> {
  const scopeGroup = fc.tuple(scope, fc.array(item, { maxLength: 4 }));
  return fc
    .array(fc.tuple(resource, fc.array(scopeGroup, { maxLength: 2 })), { maxLength: 2 })
    .map((groups) =>
      groups.flatMap(([groupResource, scopes]) =>
        scopes.flatMap(([groupScope, items]) =>
          items.map((content) => ({ ...content, resource: groupResource, scope: groupScope })),
        ),
      ),
    );
}

const spanBatch: fc.Arbitrary<SpanRecord[]> = batchOf(spanContent);

const logContent = fc.record({
  timeUnixNano: fc.bigInt({ min: 1n, max: MAX_INT64 }),
  observedTimeUnixNano: nanos,
  severityNumber: fc.integer({ min: 0, max: 24 }),
  severityText: text,
  body: attributeValue,
  attributes,
  traceId: fc.oneof(fc.constant(''), idHex(16)),
  spanId: fc.oneof(fc.constant(''), idHex(8)),
  traceFlags: fc.integer({ min: 0, max: 255 }),
});

const logBatch: fc.Arbitrary<LogRecord[]> = batchOf(logContent).map((logs) =>
  logs.map((log) => ({ ...log, service: log.resource.serviceName, source: { kind: 'otlp' as const } })),
);

function onlyDecodeErrors(decode: () => unknown): void {
  try {
    decode();
  } catch (error) {
    expect(error).toBeInstanceOf(OtlpDecodeError);
  }
}

describe('OTLP encodings', () => {
  it('decode generated spans to the same records from JSON and from protobuf', () => {
    fc.assert(
      fc.property(spanBatch, (spans) => {
        const fromJson = decodeTracesJson(Buffer.from(JSON.stringify(toOtlpJson(spans))));
        const fromProtobuf = decodeTracesProtobuf(encodeTracesProtobuf(toOtlpProtobufRequest(spans)));
        expect(fromJson.rejected).toEqual([]);
        expect(fromProtobuf.rejected).toEqual([]);
        expect(fromJson.records).toEqual(spans);
        expect(fromProtobuf.records).toEqual(spans);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('decode generated logs to the same records from JSON and from protobuf', () => {
    fc.assert(
      fc.property(logBatch, (logs) => {
        const fromJson = decodeLogsJson(JSON.stringify(toOtlpLogsJson(logs)));
        const fromProtobuf = decodeLogsProtobuf(encodeLogsProtobuf(toOtlpLogsProtobufRequest(logs)));
        expect(fromJson).toEqual({ records: logs, rejected: [] });
        expect(fromProtobuf).toEqual({ records: logs, rejected: [] });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keep 64-bit integers exact when a sender writes them as bare JSON numbers', () => {
    fc.assert(
      fc.property(spanBatch, (spans) => {
        // what a sender that does not quote int64 would write
        const bare = JSON.stringify(toOtlpJson(spans)).replace(/"(\w*(?:UnixNano|intValue))":"(-?\d+)"/g, '"$1":$2');
        expect(decodeTracesJson(bare).records).toEqual(spans);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('refuse random bytes only ever with OtlpDecodeError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        onlyDecodeErrors(() => decodeTracesProtobuf(bytes));
        onlyDecodeErrors(() => decodeLogsProtobuf(bytes));
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuse truncated and corrupted bodies only ever with OtlpDecodeError', () => {
    fc.assert(
      fc.property(spanBatch, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), (spans, cut, at, byte) => {
        const body = encodeTracesProtobuf(toOtlpProtobufRequest(spans));
        onlyDecodeErrors(() => decodeTracesProtobuf(body.subarray(0, body.length === 0 ? 0 : cut % body.length)));
        const corrupted = Uint8Array.from(body);
        if (corrupted.length > 0) corrupted[at % corrupted.length] = byte;
        onlyDecodeErrors(() => decodeTracesProtobuf(corrupted));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
