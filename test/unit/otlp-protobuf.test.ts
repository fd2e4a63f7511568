import { describe, expect, it } from '@jest/globals';
import { OtlpDecodeError } from '../../harness/errors.js';
import { decodeLogsJson } from '../../harness/collect/otlp/json-logs.js';
import { decodeTracesJson } from '../../harness/collect/otlp/json-traces.js';
import { decodeLogsProtobuf } from '../../harness/collect/otlp/protobuf-logs.js';
import { decodeTracesProtobuf } from '../../harness/collect/otlp/protobuf-traces.js';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import { NO_EVENTS, NO_LINKS, STATUS_ERROR } from '../../harness/model/span.js';
import {
  encodeLogsProtobuf,
  encodeTracesProtobuf,
  otlpType,
  toOtlpJson,
  toOtlpLogsJson,
  toOtlpLogsProtobufRequest,
  toOtlpProtobufRequest,
} from '../support/otlp-proto.js';
import {
  PARENT_ID,
  SPAN_ID,
  TRACE_ID,
  concatBytes,
  rawField,
  sampleLog,
  sampleResource,
  sampleSpan,
  unknownFieldsOfEveryWireType,
} from '../support/otlp-samples.js';

type Message = Record<string, unknown>;

const Span = otlpType('opentelemetry.proto.trace.v1.Span');
const ScopeSpans = otlpType('opentelemetry.proto.trace.v1.ScopeSpans');
const ResourceSpans = otlpType('opentelemetry.proto.trace.v1.ResourceSpans');
const Resource = otlpType('opentelemetry.proto.resource.v1.Resource');
const KeyValue = otlpType('opentelemetry.proto.common.v1.KeyValue');

const bytes = (hex: string) => Buffer.from(hex, 'hex');

function spanMessage(fields: Message = {}): Message {
  return { traceId: bytes(TRACE_ID), spanId: bytes(SPAN_ID), name: 'work', ...fields };
}

function traceRequest(spans: Message[]): Uint8Array {
  const resource = { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] };
  return encodeTracesProtobuf({ resourceSpans: [{ resource, scopeSpans: [{ scope: { name: 'lib' }, spans }] }] });
}

function decodeOne(fields: Message) {
  const { records, rejected } = decodeTracesProtobuf(traceRequest([spanMessage(fields)]));
  expect(rejected).toEqual([]);
  return records[0]!;
}

function decodeError(body: Uint8Array): OtlpDecodeError {
  try {
    decodeTracesProtobuf(body);
  } catch (error) {
    expect(error).toBeInstanceOf(OtlpDecodeError);
    return error as OtlpDecodeError;
  }
  throw new Error('expected an OtlpDecodeError');
}

const richSpans = [
  sampleSpan({
    status: { code: 'error', message: 'card declined' },
    events: [
      { name: 'exception', timeUnixNano: 1_700_000_000_200_000_000n, attributes: { 'exception.type': 'Error' } },
    ],
    links: [
      { traceId: 'f'.repeat(32), spanId: '1'.repeat(16), traceState: 'vendor=1', attributes: { reason: 'retry' } },
    ],
    traceState: 'congo=t61rcWkgMzE',
    attributes: {
      text: 'héllo wörld ✓',
      flag: true,
      count: -3,
      huge: 9_223_372_036_854_775_807n,
      tiny: -9_223_372_036_854_775_808n,
      ratio: 0.25,
      raw: Uint8Array.of(0, 255, 7),
      list: ['a', 1, null, [false]],
      map: { inner: { deeper: 'x' }, empty: {} },
      nothing: null,
    },
  }),
  sampleSpan({ spanId: 'c'.repeat(16), parentSpanId: '', kind: 'client', name: 'POST', traceFlags: 0 }),
];

describe('decodeTracesProtobuf', () => {
  it('decodes the records protobufjs encodes, deep-equal to the JSON decoding of the same request', () => {
    const fromProtobuf = decodeTracesProtobuf(encodeTracesProtobuf(toOtlpProtobufRequest(richSpans)));
    const fromJson = decodeTracesJson(JSON.stringify(toOtlpJson(richSpans)));
    expect(fromProtobuf).toEqual({ records: richSpans, rejected: [] });
    expect(fromProtobuf.records).toEqual(fromJson.records);
  });

  it('shares one resource and scope per entry, and the shared constants', () => {
    const { records } = decodeTracesProtobuf(traceRequest([spanMessage({ status: { code: 2 } }), spanMessage()]));
    expect(records[1]!.resource).toBe(records[0]!.resource);
    expect(records[1]!.scope).toBe(records[0]!.scope);
    expect(records[0]!.status).toBe(STATUS_ERROR);
    expect(records[0]!.events).toBe(NO_EVENTS);
    expect(records[0]!.links).toBe(NO_LINKS);
    expect(records[0]!.attributes).toBe(EMPTY_ATTRIBUTES);
    expect(records[0]!.resource).toEqual({ serviceName: 'api', attributes: { 'service.name': 'api' } });
  });

  it.each([
    ['a 15-byte trace id', { traceId: bytes(TRACE_ID.slice(2)) }, 'traceId', 'has 30 hex characters, expected 32'],
    ['a 17-byte trace id', { traceId: bytes(`${TRACE_ID}ab`) }, 'has 34 hex characters, expected 32'],
    ['an all-zero trace id', { traceId: new Uint8Array(16) }, `traceId "${'0'.repeat(32)}" is all zeros`],
    ['no trace id', { traceId: undefined }, 'traceId "" has 0 hex characters, expected 32'],
    ['a 7-byte span id', { spanId: bytes(SPAN_ID.slice(2)) }, 'spanId', 'has 14 hex characters, expected 16'],
    ['an all-zero span id', { spanId: new Uint8Array(8) }, 'spanId', 'is all zeros'],
    ['a 9-byte parent span id', { parentSpanId: bytes(`${PARENT_ID}01`) }, 'parentSpanId', 'has 18 hex characters'],
    ['an all-zero parent span id', { parentSpanId: new Uint8Array(8) }, 'parentSpanId', 'is all zeros'],
    [
      'a link with a short span id',
      { links: [{ traceId: bytes(TRACE_ID), spanId: bytes('ab') }] },
      'links[0].spanId "ab"',
    ],
    [
      'a second link with an all-zero trace id',
      {
        links: [
          { traceId: bytes(TRACE_ID), spanId: bytes(SPAN_ID) },
          { traceId: new Uint8Array(16), spanId: bytes(SPAN_ID) },
        ],
      },
      'links[1].traceId',
      'is all zeros',
    ],
  ])('rejects only the span with %s, naming it and the problem', (_, fields, ...fragments) => {
    const body = traceRequest([
      spanMessage({ name: 'first' }),
      spanMessage({ name: 'broken', ...fields }),
      spanMessage({ name: 'third' }),
    ]);
    const { records, rejected } = decodeTracesProtobuf(body);
    expect(records.map((record) => record.name)).toEqual(['first', 'third']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toContain('resourceSpans[0].scopeSpans[0].spans[1] "broken":');
    for (const fragment of fragments) expect(rejected[0]).toContain(fragment);
  });

  it('gives the same rejection reasons as the JSON decoder for the same request', () => {
    const broken = [
      sampleSpan({ traceId: '0'.repeat(32) }),
      sampleSpan({ spanId: '00ff' }),
      sampleSpan({ parentSpanId: '0'.repeat(16) }),
    ];
    const fromProtobuf = decodeTracesProtobuf(encodeTracesProtobuf(toOtlpProtobufRequest(broken)));
    const fromJson = decodeTracesJson(JSON.stringify(toOtlpJson(broken)));
    expect(fromProtobuf.rejected).toHaveLength(3);
    expect(fromProtobuf.rejected).toEqual(fromJson.rejected);
  });

  it('keeps times up to 2^64-1 and int64 values beyond 2^53 exact', () => {
    const record = decodeOne({
      startTimeUnixNano: '1700000000123456789',
      endTimeUnixNano: '18446744073709551615',
      attributes: [
        { key: 'above', value: { intValue: '9007199254740993' } },
        { key: 'safe', value: { intValue: '9007199254740991' } },
        { key: 'minusOne', value: { intValue: '-1' } },
        { key: 'unsafeNegative', value: { intValue: '-9007199254740993' } },
      ],
    });
    expect(record.startTimeUnixNano).toBe(1_700_000_000_123_456_789n);
    expect(record.endTimeUnixNano).toBe(18_446_744_073_709_551_615n);
    expect(record.attributes).toEqual({
      above: 9_007_199_254_740_993n,
      safe: 9_007_199_254_740_991,
      minusOne: -1,
      unsafeNegative: -9_007_199_254_740_993n,
    });
  });

  it('reads an empty AnyValue and a KeyValue without a value as null', () => {
    expect(decodeOne({ attributes: [{ key: 'a', value: {} }, { key: 'b' }] }).attributes).toEqual({ a: null, b: null });
  });

  it('copies bytes values out of the body instead of keeping a view on it', () => {
    const body = traceRequest([
      spanMessage({ attributes: [{ key: 'raw', value: { bytesValue: Uint8Array.of(1, 2, 3) } }] }),
    ]);
    const raw = decodeTracesProtobuf(body).records[0]!.attributes.raw as Uint8Array;
    body.fill(0);
    expect(raw).toEqual(Uint8Array.of(1, 2, 3));
    expect(raw.buffer.byteLength).toBe(3);
  });

  it('keeps only the low byte of flags, and maps unknown kinds to unspecified', () => {
    expect(decodeOne({ flags: 0x301 }).traceFlags).toBe(1);
    expect(decodeOne({ kind: 42 }).kind).toBe('unspecified');
  });

  it('ignores unknown fields of every wire type at every level', () => {
    const unknown = unknownFieldsOfEveryWireType();
    const keyValue = concatBytes(KeyValue.encode({ key: 'k', value: { stringValue: 'v' } }).finish(), unknown);
    const anyValueWithUnknown = concatBytes(unknown, rawField(1, 2, Buffer.from('v2')));
    const keyValue2 = concatBytes(rawField(1, 2, Buffer.from('k2')), rawField(2, 2, anyValueWithUnknown));
    const span = concatBytes(
      unknown,
      Span.encode(spanMessage()).finish(),
      rawField(9, 2, keyValue),
      rawField(9, 2, keyValue2),
      unknown,
    );
    const resource = concatBytes(
      Resource.encode({ attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] }).finish(),
      unknown,
    );
    const scopeSpans = concatBytes(unknown, rawField(2, 2, span), unknown);
    const resourceSpans = concatBytes(unknown, rawField(1, 2, resource), rawField(2, 2, scopeSpans), unknown);
    const body = concatBytes(unknown, rawField(1, 2, resourceSpans), unknown);
    const { records, rejected } = decodeTracesProtobuf(body);
    expect(rejected).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ traceId: TRACE_ID, name: 'work', attributes: { k: 'v', k2: 'v2' } });
    expect(records[0]!.resource.serviceName).toBe('api');
  });

  it('finds the resource and scope even when they follow the spans on the wire', () => {
    const scopeSpans = concatBytes(
      rawField(2, 2, Span.encode(spanMessage()).finish()),
      rawField(1, 2, Buffer.from([0x0a, 0x03, 0x6c, 0x69, 0x62])),
    );
    const resource = Resource.encode({
      attributes: [{ key: 'service.name', value: { stringValue: 'late' } }],
    }).finish();
    const body = rawField(1, 2, concatBytes(rawField(2, 2, scopeSpans), rawField(1, 2, resource)));
    const [record] = decodeTracesProtobuf(body).records;
    expect(record!.resource.serviceName).toBe('late');
    expect(record!.scope.name).toBe('lib');
  });

  it('decodes an empty body and a request without spans to zero records', () => {
    expect(decodeTracesProtobuf(new Uint8Array(0))).toEqual({ records: [], rejected: [] });
    const empty = ResourceSpans.encode({ scopeSpans: [ScopeSpans.create({})] }).finish();
    expect(decodeTracesProtobuf(rawField(1, 2, empty))).toEqual({ records: [], rejected: [] });
  });

  it('says where a truncated body ends', () => {
    const body = traceRequest([spanMessage()]);
    const error = decodeError(body.subarray(0, body.length - 3));
    expect(error.message).toMatch(
      /^OTLP\/protobuf: truncated length-delimited field 1: needs \d+ bytes, \d+ remain at byte 2 of \d+$/,
    );
    expect(error.code).toBe('TRACEGATE_ERR_OTLP_DECODE');
  });

  it('throws only OtlpDecodeError when cut at every byte', () => {
    const body = encodeTracesProtobuf(toOtlpProtobufRequest(richSpans));
    let refused = 0;
    for (let cut = 0; cut < body.length; cut++) {
      try {
        decodeTracesProtobuf(body.subarray(0, cut));
      } catch (error) {
        expect(error).toBeInstanceOf(OtlpDecodeError);
        refused++;
      }
    }
    // a cut exactly between two top-level fields is a valid (shorter) request; most cuts are not
    expect(refused).toBeGreaterThan(body.length / 2);
  });

  it.each([
    ['an invalid wire type', Uint8Array.of((1 << 3) | 7), 'invalid wire type 7 in field 1 at byte 1 of 1'],
    ['field number 0', Uint8Array.of(0x00, 0x00), 'field number 0'],
    [
      'a varint longer than 10 bytes',
      Uint8Array.of(0x08, ...new Array<number>(11).fill(0xff), 0x01),
      'varint longer than 10 bytes',
    ],
    ['an end-group tag without a group', Uint8Array.of((5 << 3) | 4), 'unexpected end-group tag for field 5'],
    ['an unclosed group', Uint8Array.of((5 << 3) | 3, 0x08, 0x01), 'truncated group field 5'],
    ['a truncated tag', Uint8Array.of(0x80), 'truncated field tag at byte 0 of 1'],
    ['a truncated fixed64', Uint8Array.of((9 << 3) | 1, 1, 2, 3), 'truncated fixed64 field 9: needs 8 bytes, 3 remain'],
    ['a truncated fixed32', Uint8Array.of((9 << 3) | 5, 1), 'truncated fixed32 field 9: needs 4 bytes, 1 remain'],
    [
      'a length past the end',
      Uint8Array.of(0x0a, 0x05, 0x01),
      'truncated length-delimited field 1: needs 5 bytes, 1 remain at byte 2 of 3',
    ],
  ])('refuses %s', (_, body, message) => {
    expect(decodeError(body).message).toContain(message);
  });

  // An AnyValue holding `levels` arrays around a string, written by hand: protobufjs refuses to encode this deep.
  function nestedValueRequest(levels: number): Uint8Array {
    let value: Uint8Array = rawField(1, 2, Buffer.from('bottom'));
    for (let i = 0; i < levels; i++) value = rawField(5, 2, rawField(1, 2, value));
    const keyValue = concatBytes(rawField(1, 2, Buffer.from('k')), rawField(2, 2, value));
    const span = concatBytes(Span.encode(spanMessage()).finish(), rawField(9, 2, keyValue));
    return rawField(1, 2, rawField(2, 2, rawField(2, 2, span)));
  }

  it('decodes values nested 64 levels deep', () => {
    let decoded = decodeTracesProtobuf(nestedValueRequest(64)).records[0]!.attributes.k;
    for (let level = 0; level < 64; level++) decoded = (decoded as readonly unknown[])[0] as typeof decoded;
    expect(decoded).toBe('bottom');
  });

  it.each([[65], [10_000]])('refuses values nested %d levels deep instead of overflowing the stack', (levels) => {
    expect(decodeError(nestedValueRequest(levels)).message).toContain('AnyValue nested deeper than 64 levels');
  });

  it('skips groups nested far deeper than any sender writes without overflowing the stack', () => {
    let group: Uint8Array = new Uint8Array(0);
    for (let i = 0; i < 5_000; i++)
      group = concatBytes(Uint8Array.of((7 << 3) | 3), group, Uint8Array.of((7 << 3) | 4));
    expect(decodeError(group).message).toContain('groups nested deeper than 64');
  });

  it('accepts a Buffer that is a slice of a larger pool', () => {
    const body = traceRequest([spanMessage()]);
    const pooled = Buffer.concat([Buffer.from('garbage'), body]).subarray(7);
    expect(decodeTracesProtobuf(pooled).records[0]!.traceId).toBe(TRACE_ID);
  });

  it('decodes a span whose lengths take multi-byte varints', () => {
    const attributes = Array.from({ length: 300 }, (_, i) => ({ key: `k${i}`, value: { intValue: i * 1000 } }));
    const decoded = decodeOne({ attributes, name: 'n'.repeat(70_000) });
    expect(Object.keys(decoded.attributes)).toHaveLength(300);
    expect(decoded.attributes.k299).toBe(299_000);
    expect(decoded.name).toHaveLength(70_000);
  });
});

describe('decodeLogsProtobuf', () => {
  const logs = [
    sampleLog(),
    sampleLog({ body: { message: 'kv', list: [1, 'two'] }, severityNumber: 17, severityText: 'ERROR', traceFlags: 0 }),
    sampleLog({
      traceId: '',
      spanId: '',
      body: null,
      attributes: EMPTY_ATTRIBUTES,
      resource: sampleResource('worker'),
    }),
  ];

  it('decodes the records protobufjs encodes, deep-equal to the JSON decoding', () => {
    const fromProtobuf = decodeLogsProtobuf(encodeLogsProtobuf(toOtlpLogsProtobufRequest(logs)));
    expect(fromProtobuf).toEqual({ records: logs, rejected: [] });
    expect(fromProtobuf.records).toEqual(decodeLogsJson(JSON.stringify(toOtlpLogsJson(logs))).records);
    expect(fromProtobuf.records[2]!.service).toBe('worker');
  });

  it('falls back to the observed time and reads negative severity numbers', () => {
    const body = encodeLogsProtobuf({
      resourceLogs: [
        { scopeLogs: [{ logRecords: [{ observedTimeUnixNano: '1700000000000000001', severityNumber: -1 }] }] },
      ],
    });
    expect(decodeLogsProtobuf(body).records[0]).toMatchObject({
      timeUnixNano: 1_700_000_000_000_000_001n,
      severityNumber: -1,
    });
  });

  it('rejects only logs whose present ids are invalid', () => {
    const body = encodeLogsProtobuf({
      resourceLogs: [
        {
          scopeLogs: [
            {
              logRecords: [
                { traceId: bytes(TRACE_ID), spanId: bytes(SPAN_ID) },
                { traceId: new Uint8Array(16) },
                { spanId: bytes('abcd') },
              ],
            },
          ],
        },
      ],
    });
    const { records, rejected } = decodeLogsProtobuf(body);
    expect(records).toHaveLength(1);
    expect(rejected).toEqual([
      `resourceLogs[0].scopeLogs[0].logRecords[1]: traceId "${'0'.repeat(32)}" is all zeros`,
      'resourceLogs[0].scopeLogs[0].logRecords[2]: spanId "abcd" has 4 hex characters, expected 16',
    ]);
  });

  it('throws only OtlpDecodeError when cut at every byte', () => {
    const body = encodeLogsProtobuf(toOtlpLogsProtobufRequest(logs));
    for (let cut = 0; cut < body.length; cut++) {
      try {
        decodeLogsProtobuf(body.subarray(0, cut));
      } catch (error) {
        expect(error).toBeInstanceOf(OtlpDecodeError);
      }
    }
  });
});
