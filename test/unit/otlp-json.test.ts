import { describe, expect, it } from '@jest/globals';
import { OtlpDecodeError } from '../../harness/errors.js';
import { decodeLogsJson } from '../../harness/collect/otlp/json-logs.js';
import { decodeTracesJson } from '../../harness/collect/otlp/json-traces.js';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import { NO_EVENTS, NO_LINKS, STATUS_ERROR, STATUS_OK, STATUS_UNSET } from '../../harness/model/span.js';
import { toOtlpJson, toOtlpLogsJson } from '../support/otlp-proto.js';
import { PARENT_ID, SPAN_ID, TRACE_ID, sampleLog, sampleSpan } from '../support/otlp-samples.js';

type Json = Record<string, unknown>;

/** An OTLP/JSON trace request with one resource and one scope holding `spans`. */
function request(
  spans: Json[],
  resource: Json = { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] },
) {
  return JSON.stringify({ resourceSpans: [{ resource, scopeSpans: [{ scope: { name: 'lib' }, spans }] }] });
}

function span(fields: Json = {}): Json {
  return { traceId: TRACE_ID, spanId: SPAN_ID, name: 'work', startTimeUnixNano: '1', endTimeUnixNano: '2', ...fields };
}

function decodeOne(fields: Json) {
  const { records, rejected } = decodeTracesJson(request([span(fields)]));
  expect(rejected).toEqual([]);
  return records[0]!;
}

function decodeError(body: string): OtlpDecodeError {
  try {
    decodeTracesJson(body);
  } catch (error) {
    expect(error).toBeInstanceOf(OtlpDecodeError);
    return error as OtlpDecodeError;
  }
  throw new Error('expected an OtlpDecodeError');
}

describe('decodeTracesJson', () => {
  it('decodes the records toOtlpJson encodes, field for field', () => {
    const original = sampleSpan({
      status: { code: 'error', message: 'card declined' },
      events: [
        { name: 'exception', timeUnixNano: 1_700_000_000_200_000_000n, attributes: { 'exception.type': 'Error' } },
      ],
      links: [
        { traceId: 'f'.repeat(32), spanId: '1'.repeat(16), traceState: 'vendor=1', attributes: { reason: 'retry' } },
      ],
      traceState: 'congo=t61rcWkgMzE',
      kind: 'consumer',
    });
    const { records, rejected } = decodeTracesJson(Buffer.from(JSON.stringify(toOtlpJson([original]))));
    expect(rejected).toEqual([]);
    expect(records).toEqual([original]);
  });

  it('accepts the snake_case proto field names as well as camelCase', () => {
    const body = JSON.stringify({
      resource_spans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { string_value: 'api' } }] },
          scope_spans: [
            {
              scope: { name: 'lib' },
              spans: [
                {
                  trace_id: TRACE_ID,
                  span_id: SPAN_ID,
                  parent_span_id: PARENT_ID,
                  trace_state: 'a=1',
                  name: 'work',
                  start_time_unix_nano: '5',
                  end_time_unix_nano: '6',
                  attributes: [
                    { key: 'n', value: { int_value: '7' } },
                    { key: 'b', value: { bool_value: true } },
                  ],
                  events: [{ time_unix_nano: '5', name: 'e' }],
                },
              ],
            },
          ],
        },
      ],
    });
    const [record] = decodeTracesJson(body).records;
    expect(record).toMatchObject({
      traceId: TRACE_ID,
      parentSpanId: PARENT_ID,
      traceState: 'a=1',
      startTimeUnixNano: 5n,
      attributes: { n: 7, b: true },
      events: [{ name: 'e', timeUnixNano: 5n }],
    });
    expect(record!.resource.serviceName).toBe('api');
  });

  it('lowercases ids written in upper case', () => {
    const record = decodeOne({
      traceId: TRACE_ID.toUpperCase(),
      spanId: SPAN_ID.toUpperCase(),
      parentSpanId: PARENT_ID.toUpperCase(),
    });
    expect([record.traceId, record.spanId, record.parentSpanId]).toEqual([TRACE_ID, SPAN_ID, PARENT_ID]);
  });

  it.each([
    [
      'a 31-character trace id',
      { traceId: TRACE_ID.slice(1) },
      'traceId "af7651916cd43dd8448eb211c80319c" has 31 hex characters, expected 32',
    ],
    ['a 33-character trace id', { traceId: `${TRACE_ID}0` }, 'traceId', 'has 33 hex characters, expected 32'],
    ['a non-hex trace id', { traceId: `${TRACE_ID.slice(2)}zz` }, 'traceId', 'is not hexadecimal'],
    ['an all-zero trace id', { traceId: '0'.repeat(32) }, 'traceId', 'is all zeros'],
    ['a missing trace id', { traceId: undefined }, 'traceId "" has 0 hex characters, expected 32'],
    ['a 15-character span id', { spanId: SPAN_ID.slice(1) }, 'spanId', 'has 15 hex characters, expected 16'],
    ['an all-zero span id', { spanId: '0'.repeat(16) }, 'spanId', 'is all zeros'],
    ['a non-hex parent span id', { parentSpanId: 'xyz' }, 'parentSpanId "xyz" has 3 hex characters, expected 16'],
    ['an all-zero parent span id', { parentSpanId: '0'.repeat(16) }, 'parentSpanId', 'is all zeros'],
    [
      'a link with a short trace id',
      { links: [{ traceId: 'ab', spanId: SPAN_ID }] },
      'links[0].traceId "ab" has 2 hex',
    ],
    [
      'a link with an all-zero span id',
      { links: [{ traceId: TRACE_ID, spanId: '0'.repeat(16) }] },
      'links[0].spanId',
      'is all zeros',
    ],
  ])('rejects only the span with %s, naming it and the problem', (_, fields, ...fragments) => {
    const body = request([span({ name: 'first' }), span({ name: 'broken', ...fields }), span({ name: 'third' })]);
    const { records, rejected } = decodeTracesJson(body);
    expect(records.map((record) => record.name)).toEqual(['first', 'third']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toContain('resourceSpans[0].scopeSpans[0].spans[1] "broken":');
    for (const fragment of fragments) expect(rejected[0]).toContain(fragment);
  });

  it('rejects a null span entry as a span without ids', () => {
    const { records, rejected } = decodeTracesJson(request([null as unknown as Json, span()]));
    expect(records).toHaveLength(1);
    expect(rejected).toEqual([
      'resourceSpans[0].scopeSpans[0].spans[0] "": traceId "" has 0 hex characters, expected 32',
    ]);
  });

  it('shares one resource object between requests that carry equal resources', () => {
    const resource = { attributes: [{ key: 'service.name', value: { stringValue: 'shared-across-requests' } }] };
    const first = decodeTracesJson(request([span()], resource)).records[0]!;
    const second = decodeTracesJson(request([span()], resource)).records[0]!;
    expect(second.resource).toBe(first.resource);
    const other = { attributes: [...resource.attributes, { key: 'host.name', value: { stringValue: 'h2' } }] };
    expect(decodeTracesJson(request([span()], other)).records[0]!.resource).not.toBe(first.resource);
  });

  it('keeps an absent or empty parent span id as a root', () => {
    expect(decodeOne({}).parentSpanId).toBe('');
    expect(decodeOne({ parentSpanId: '' }).parentSpanId).toBe('');
  });

  it('keeps timestamps above 2^53 exact, written as strings or as bare numbers', () => {
    const body = request([
      span({ startTimeUnixNano: '1700000000123456789', endTimeUnixNano: '18446744073709551615' }),
    ]).replace('"1700000000123456789"', '1700000000123456789');
    const bare = body.replace('"18446744073709551615"', '18446744073709551615');
    for (const text of [body, bare]) {
      const [record] = decodeTracesJson(text).records;
      expect(record!.startTimeUnixNano).toBe(1_700_000_000_123_456_789n);
      expect(record!.endTimeUnixNano).toBe(18_446_744_073_709_551_615n);
    }
  });

  it('keeps bare event times and intValues above 2^53 exact, with whitespace around the colon', () => {
    const text = request([
      span({
        events: [{ name: 'e', timeUnixNano: '1700000000999999999' }],
        attributes: [{ key: 'big', value: { intValue: '9007199254740993' } }],
      }),
    ])
      .replace('"timeUnixNano":"1700000000999999999"', '"timeUnixNano" :\n 1700000000999999999')
      .replace('"intValue":"9007199254740993"', '"intValue":9007199254740993');
    const record = decodeTracesJson(text).records[0]!;
    expect(record.events[0]!.timeUnixNano).toBe(1_700_000_000_999_999_999n);
    expect(record.attributes.big).toBe(9_007_199_254_740_993n);
  });

  it('refuses a 64-bit integer that only an exponent could write', () => {
    const text = request([span()]).replace('"startTimeUnixNano":"1"', '"startTimeUnixNano":1.7e18');
    expect(decodeError(text).message).toContain('startTimeUnixNano: 1700000000000000000 is beyond 2^53');
  });

  it('decodes every AnyValue type', () => {
    const value = (anyValue: Json) => ({ key: 'k', value: anyValue });
    const decoded = (anyValue: Json) => decodeOne({ attributes: [value(anyValue)] }).attributes.k;
    expect(decoded({ stringValue: 'text' })).toBe('text');
    expect(decoded({ boolValue: false })).toBe(false);
    expect(decoded({ intValue: '-42' })).toBe(-42);
    expect(decoded({ intValue: 42 })).toBe(42);
    expect(decoded({ intValue: '-9223372036854775808' })).toBe(-9_223_372_036_854_775_808n);
    expect(decoded({ doubleValue: 1.5 })).toBe(1.5);
    expect(decoded({ doubleValue: 'NaN' })).toBeNaN();
    expect(decoded({ doubleValue: '-Infinity' })).toBe(-Infinity);
    expect(decoded({ bytesValue: Buffer.from([0, 1, 254, 255]).toString('base64') })).toEqual(
      Uint8Array.of(0, 1, 254, 255),
    );
    expect(decoded({ arrayValue: { values: [{ stringValue: 'a' }, { intValue: '1' }, {}] } })).toEqual(['a', 1, null]);
    expect(decoded({ arrayValue: {} })).toEqual([]);
    expect(
      decoded({
        kvlistValue: { values: [value({ stringValue: 'nested' }), { key: 'inner', value: { kvlistValue: {} } }] },
      }),
    ).toEqual({
      k: 'nested',
      inner: {},
    });
    expect(decoded({})).toBeNull();
    expect(decodeOne({ attributes: [{ key: 'k' }] }).attributes.k).toBeNull();
  });

  it('keeps a "__proto__" attribute key as data instead of changing the prototype', () => {
    const attributes = decodeOne({ attributes: [{ key: '__proto__', value: { stringValue: 'x' } }] }).attributes;
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(attributes, '__proto__')?.value).toBe('x');
  });

  it('reads enums written as names as well as numbers', () => {
    const record = decodeOne({ kind: 'SPAN_KIND_SERVER', status: { code: 'STATUS_CODE_ERROR', message: 'boom' } });
    expect(record.kind).toBe('server');
    expect(record.status).toEqual({ code: 'error', message: 'boom' });
    expect(decodeOne({ kind: 4 }).kind).toBe('producer');
    expect(decodeOne({ kind: 99 }).kind).toBe('unspecified');
    expect(decodeError(request([span({ kind: 'SPAN_KIND_SIDEWAYS' })])).message).toContain(
      'resourceSpans[0].scopeSpans[0].spans[0].kind: unknown enum name "SPAN_KIND_SIDEWAYS"',
    );
  });

  it('shares constants for messageless statuses and empty lists, and one resource and scope per entry', () => {
    const { records } = decodeTracesJson(
      request([span(), span({ status: { code: 1 } }), span({ status: { code: 2 } })]),
    );
    expect(records.map((record) => record.status)).toEqual([STATUS_UNSET, STATUS_OK, STATUS_ERROR]);
    expect(records[2]!.status).toBe(STATUS_ERROR);
    expect(records[0]!.events).toBe(NO_EVENTS);
    expect(records[0]!.links).toBe(NO_LINKS);
    expect(decodeOne({ attributes: [] }).attributes).toBe(EMPTY_ATTRIBUTES);
    expect(records[1]!.resource).toBe(records[0]!.resource);
    expect(records[1]!.scope).toBe(records[0]!.scope);
  });

  it('names the service from service.name, or unknown_service without one', () => {
    expect(decodeOne({}).resource).toEqual({ serviceName: 'api', attributes: { 'service.name': 'api' } });
    const [withoutName] = decodeTracesJson(
      request([span()], { attributes: [{ key: 'host.name', value: { stringValue: 'h' } }] }),
    ).records;
    expect(withoutName!.resource.serviceName).toBe('unknown_service');
    const [withoutResource] = decodeTracesJson(
      JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span()] }] }] }),
    ).records;
    expect(withoutResource!.resource.serviceName).toBe('unknown_service');
    expect(withoutResource!.scope).toEqual({ name: '', version: '', attributes: {} });
  });

  it('keeps only the low byte of flags as trace flags', () => {
    expect(decodeOne({ flags: 0x301 }).traceFlags).toBe(1);
    expect(decodeOne({}).traceFlags).toBe(0);
  });

  it('ignores unknown fields at every level', () => {
    const body = JSON.stringify({
      futureTopLevel: { a: [1, 2] },
      resourceSpans: [
        {
          extra: 'x',
          schemaUrl: 'https://opentelemetry.io/schemas/1.26.0',
          resource: { attributes: [], droppedAttributesCount: 3, entityRefs: [{}] },
          scopeSpans: [
            {
              unknown: null,
              scope: { name: 'lib', extra: 1 },
              spans: [span({ droppedEventsCount: 2, newField: { deep: true }, status: { code: 0, extra: 1 } })],
            },
          ],
        },
      ],
    });
    const { records, rejected } = decodeTracesJson(body);
    expect(rejected).toEqual([]);
    expect(records).toHaveLength(1);
  });

  it.each([
    ['{}'],
    ['{"resourceSpans":[]}'],
    ['{"resourceSpans":null}'],
    ['{"resourceSpans":[{"scopeSpans":[{"spans":[]}]}]}'],
  ])('decodes %s to zero records without error', (body) => {
    expect(decodeTracesJson(body)).toEqual({ records: [], rejected: [] });
  });

  it.each([
    ['[]', 'expected a JSON object at the top level, got an array'],
    ['"spans"', 'expected a JSON object at the top level, got a string'],
    ['42', 'expected a JSON object at the top level, got a number'],
    ['null', 'expected a JSON object at the top level, got null'],
  ])('refuses the top-level value %s', (body, message) => {
    const error = decodeError(body);
    expect(error.message).toContain(message);
    expect(error.code).toBe('TRACEGATE_ERR_OTLP_DECODE');
  });

  it('refuses invalid JSON with the parser message', () => {
    let parserMessage = '';
    try {
      JSON.parse('{"resourceSpans": [');
    } catch (error) {
      parserMessage = (error as Error).message;
    }
    expect(decodeError('{"resourceSpans": [').message).toContain(`invalid JSON: ${parserMessage}`);
  });

  const deepValue = (levels: number) =>
    `${'{"arrayValue":{"values":['.repeat(levels)}{"stringValue":"bottom"}${']}}'.repeat(levels)}`;
  const withAttribute = (valueJson: string) =>
    request([span({ attributes: [{ key: 'k', value: 'VALUE' }] })]).replace('"VALUE"', valueJson);

  it.each([
    ['resourceSpans is a string', '{"resourceSpans":"all of them"}', 'resourceSpans: expected an array, got a string'],
    [
      'scopeSpans is a string',
      '{"resourceSpans":[{"scopeSpans":"x"}]}',
      'resourceSpans[0].scopeSpans: expected an array',
    ],
    ['a resource entry is a number', '{"resourceSpans":[7]}', 'resourceSpans[0]: expected an object, got a number'],
    [
      'spans is an object',
      '{"resourceSpans":[{"scopeSpans":[{"spans":{}}]}]}',
      'scopeSpans[0].spans: expected an array',
    ],
    ['attributes is a string', request([span({ attributes: 'a=b' })]), 'spans[0].attributes: expected an array'],
    [
      'an intValue is a word',
      withAttribute('{"intValue":"ten"}'),
      'attributes[0].value.intValue: expected a 64-bit integer, got "ten"',
    ],
    [
      'a nested boolValue is a number',
      withAttribute('{"arrayValue":{"values":[{"boolValue":1}]}}'),
      'attributes[0].value.arrayValue.values[0].boolValue: expected a boolean',
    ],
    ['a span name is a number', request([span({ name: 5 })]), 'spans[0].name: expected a string, got a number'],
    [
      'a time is negative',
      request([span({ startTimeUnixNano: '-5' })]),
      'startTimeUnixNano: expected unsigned 64-bit nanoseconds, got "-5"',
    ],
    [
      'event attributes are a string',
      request([span({ events: [{ name: 'e', attributes: 'x' }] })]),
      'events[0].attributes: expected an array',
    ],
    [
      'resource attributes are an object',
      request([span()], { attributes: {} }),
      'resourceSpans[0].resource.attributes: expected an array',
    ],
    ['a value nests 65 levels deep', withAttribute(deepValue(65)), 'values nest deeper than 64 levels'],
    ['a value nests 100,000 levels deep', withAttribute(deepValue(100_000)), 'values nest deeper than 64 levels'],
  ])('refuses a body where %s, naming the path', (_, body, message) => {
    expect(decodeError(body).message).toContain(message);
  });

  it('decodes values nested 64 levels deep', () => {
    let decoded = decodeTracesJson(withAttribute(deepValue(64))).records[0]!.attributes.k;
    for (let level = 0; level < 64; level++) decoded = (decoded as readonly unknown[])[0] as typeof decoded;
    expect(decoded).toBe('bottom');
  });

  it('accepts a body with a byte order mark, as a Buffer or a string', () => {
    const text = `\uFEFF${request([span()])}`;
    expect(decodeTracesJson(text).records).toHaveLength(1);
    expect(decodeTracesJson(Buffer.from(text)).records).toHaveLength(1);
  });
});

describe('decodeLogsJson', () => {
  it('decodes the records toOtlpLogsJson encodes', () => {
    const logs = [
      sampleLog(),
      sampleLog({ body: { message: 'kv body', count: 2 }, severityNumber: 17, severityText: 'ERROR' }),
    ];
    const { records, rejected } = decodeLogsJson(JSON.stringify(toOtlpLogsJson(logs)));
    expect(rejected).toEqual([]);
    expect(records).toEqual(logs);
    expect(records[0]!.source).toBe(records[1]!.source);
  });

  it('falls back to the observed time when the time is unset, and keeps logs without ids', () => {
    const body = JSON.stringify({
      resourceLogs: [
        { scopeLogs: [{ logRecords: [{ observedTimeUnixNano: '1700000000000000001', body: { stringValue: 'hi' } }] }] },
      ],
    });
    const [log] = decodeLogsJson(body).records;
    expect(log).toMatchObject({
      timeUnixNano: 1_700_000_000_000_000_001n,
      traceId: '',
      spanId: '',
      service: 'unknown_service',
    });
    expect(log!.body).toBe('hi');
  });

  it('reads severity names and snake_case fields', () => {
    const body = JSON.stringify({
      resource_logs: [
        {
          scope_logs: [
            {
              log_records: [
                { severity_number: 'SEVERITY_NUMBER_WARN3', trace_id: TRACE_ID.toUpperCase(), span_id: SPAN_ID },
              ],
            },
          ],
        },
      ],
    });
    expect(decodeLogsJson(body).records[0]).toMatchObject({ severityNumber: 15, traceId: TRACE_ID, spanId: SPAN_ID });
  });

  it('rejects only logs whose present ids are invalid, naming them', () => {
    const logs = [{ traceId: TRACE_ID }, { traceId: '0'.repeat(32) }, { spanId: 'abc' }, {}];
    const body = JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: logs }] }] });
    const { records, rejected } = decodeLogsJson(body);
    expect(records.map((log) => log.traceId)).toEqual([TRACE_ID, '']);
    expect(rejected).toEqual([
      `resourceLogs[0].scopeLogs[0].logRecords[1]: traceId "${'0'.repeat(32)}" is all zeros`,
      'resourceLogs[0].scopeLogs[0].logRecords[2]: spanId "abc" has 3 hex characters, expected 16',
    ]);
  });

  it('refuses a top-level array and structural problems with their path', () => {
    expect(() => decodeLogsJson('[]')).toThrow(OtlpDecodeError);
    expect(() => decodeLogsJson('{"resourceLogs":[{"scopeLogs":[{"logRecords":"x"}]}]}')).toThrow(
      'resourceLogs[0].scopeLogs[0].logRecords: expected an array, got a string',
    );
  });
});
