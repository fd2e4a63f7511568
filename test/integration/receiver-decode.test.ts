import { describe, expect, it } from '@jest/globals';
import { startReceiver } from '../../harness/collect/otlp/receiver.js';
import {
  encodeLogsProtobuf,
  encodeTracesProtobuf,
  toOtlpLogsJson,
  toOtlpLogsProtobufRequest,
  toOtlpProtobufRequest,
} from '../support/otlp-proto.js';
import { sampleLog, sampleSpan } from '../support/otlp-samples.js';
import {
  JSON_HEADERS,
  PROTOBUF_HEADERS,
  expectStillServing,
  freshIds,
  seedSpan,
  send,
  statusMessage,
  tracesJson,
} from './receiver-client.js';

interface PartialSuccess {
  readonly partialSuccess?: { readonly rejectedSpans?: string; readonly errorMessage?: string };
}

describe('receiver: undecodable bodies', () => {
  it.each([
    ['invalid JSON', '{"resourceSpans": [', 'OTLP/JSON ExportTraceServiceRequest: invalid JSON'],
    ['a JSON array at top level', '[{"resourceSpans": []}]', 'expected a JSON object at the top level, got an array'],
    ['a JSON string at top level', '"spans"', 'expected a JSON object at the top level, got a string'],
  ])('answers 400 to %s and keeps what was stored', async (_case, body, message) => {
    await using receiver = await startReceiver();
    const seeded = await seedSpan(receiver);
    const answer = await send(receiver.tracesUrl, { headers: JSON_HEADERS, body });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(statusMessage(answer)).toContain(message);
    expect(receiver.stats().badRequest).toBe(1);
    await expectStillServing(receiver, seeded);
  });

  it('answers 400 to truncated protobuf, in protobuf, storing none of it', async () => {
    await using receiver = await startReceiver();
    const seeded = await seedSpan(receiver);
    const ids = freshIds();
    const whole = encodeTracesProtobuf(toOtlpProtobufRequest([sampleSpan(ids)]));
    const answer = await send(receiver.tracesUrl, {
      headers: PROTOBUF_HEADERS,
      body: Buffer.from(whole.subarray(0, whole.length - 7)),
    });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/x-protobuf');
    expect(statusMessage(answer)).toMatch(/truncated|past the end|length/i);
    expect(receiver.store.hasTrace(ids.traceId)).toBe(false);
    await expectStillServing(receiver, seeded);
  });
});

describe('receiver: items refused inside a good body', () => {
  it.each([
    ['31 hex characters', 'a'.repeat(31), 'has 31 hex characters, expected 32'],
    ['33 hex characters', 'a'.repeat(33), 'has 33 hex characters, expected 32'],
    ['non-hex characters', 'z'.repeat(32), 'is not hexadecimal'],
    ['all zeros', '0'.repeat(32), 'is all zeros'],
  ])('refuses a trace id of %s with partialSuccess and stores the good spans', async (_case, badTraceId, problem) => {
    await using receiver = await startReceiver();
    const seeded = await seedSpan(receiver);
    const good = freshIds();
    const body = tracesJson([good, { traceId: badTraceId, spanId: freshIds().spanId, name: 'bad' }]);
    const answer = await send(receiver.tracesUrl, { headers: JSON_HEADERS, body });
    expect(answer.status).toBe(200);
    const { partialSuccess } = JSON.parse(answer.body.toString()) as PartialSuccess;
    expect(partialSuccess?.rejectedSpans).toBe('1');
    expect(partialSuccess?.errorMessage).toContain(`"bad": traceId "${badTraceId}" ${problem}`);
    expect(receiver.store.trace(good.traceId)).toHaveLength(1);
    expect(receiver.store.counters()).toMatchObject({ spansRejected: 1, spansStored: 2 });
    expect(receiver.stats()).toMatchObject({ partial: 1, accepted: 1 });
    await expectStillServing(receiver, seeded);
  });

  it('refuses an all-zero span id, naming it', async () => {
    await using receiver = await startReceiver();
    const good = freshIds();
    const body = tracesJson([good, { traceId: good.traceId, spanId: '0'.repeat(16), name: 'zero-span' }]);
    const answer = await send(receiver.tracesUrl, { headers: JSON_HEADERS, body });
    const { partialSuccess } = JSON.parse(answer.body.toString()) as PartialSuccess;
    expect(answer.status).toBe(200);
    expect(partialSuccess?.errorMessage).toContain(`"zero-span": spanId "${'0'.repeat(16)}" is all zeros`);
    expect(receiver.store.trace(good.traceId).map((span) => span.spanId)).toEqual([good.spanId]);
  });

  it('caps the partialSuccess message when many spans are refused, saying how many it left out', async () => {
    await using receiver = await startReceiver();
    const bad = Array.from({ length: 200 }, (_, i) => ({
      traceId: '0'.repeat(32),
      spanId: freshIds().spanId,
      name: `b${i}`,
    }));
    const answer = await send(receiver.tracesUrl, { headers: JSON_HEADERS, body: tracesJson(bad) });
    const { partialSuccess } = JSON.parse(answer.body.toString()) as PartialSuccess;
    expect(partialSuccess?.rejectedSpans).toBe('200');
    expect(partialSuccess?.errorMessage?.length).toBeLessThanOrEqual(1024);
    expect(partialSuccess?.errorMessage).toMatch(/; and \d+ more$/);
  });
});

describe('receiver: values kept exactly', () => {
  it('keeps timestamps above 2^53 to the nanosecond', async () => {
    await using receiver = await startReceiver();
    const ids = freshIds();
    const body = tracesJson([
      { ...ids, startTimeUnixNano: '9007199254740993', endTimeUnixNano: '18446744073709551615' },
    ]);
    expect((await send(receiver.tracesUrl, { headers: JSON_HEADERS, body })).status).toBe(200);
    const [span] = receiver.store.trace(ids.traceId);
    expect(span?.startTimeUnixNano).toBe(9_007_199_254_740_993n);
    expect(span?.endTimeUnixNano).toBe(18_446_744_073_709_551_615n);
  });

  it('accepts a span that ends before it starts and flags it as a finding', async () => {
    await using receiver = await startReceiver();
    const ids = freshIds();
    const body = tracesJson([
      { ...ids, startTimeUnixNano: '1700000000000000500', endTimeUnixNano: '1700000000000000000' },
    ]);
    const answer = await send(receiver.tracesUrl, { headers: JSON_HEADERS, body });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString())).toEqual({});
    expect(receiver.store.trace(ids.traceId)).toHaveLength(1);
    expect(receiver.store.findings()).toEqual([
      expect.objectContaining({
        code: 'span.negative-duration',
        spanId: ids.spanId,
        message: expect.stringContaining('500 ns'),
      }),
    ]);
  });

  it('ignores unknown fields at every level', async () => {
    await using receiver = await startReceiver();
    const ids = freshIds();
    const request = JSON.parse(tracesJson([{ ...ids, futureSpanField: { nested: [1, 2] } }])) as {
      resourceSpans: Array<Record<string, unknown>>;
    };
    const body = JSON.stringify({
      ...request,
      futureTopLevel: 'x',
      resourceSpans: [{ ...request.resourceSpans[0], extra: true }],
    });
    const answer = await send(receiver.tracesUrl, { headers: JSON_HEADERS, body });
    expect(answer.status).toBe(200);
    expect(receiver.store.trace(ids.traceId).map((span) => span.name)).toEqual(['op']);
  });

  it.each(['{"resourceSpans":[]}', '{}'])('answers 200 to an export with no spans: %s', async (body) => {
    await using receiver = await startReceiver();
    const answer = await send(receiver.tracesUrl, { headers: JSON_HEADERS, body });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString())).toEqual({});
    expect(receiver.stats().accepted).toBe(1);
    expect(receiver.store.counters().spansReceived).toBe(0);
  });
});

describe('receiver: success answers', () => {
  it.each([
    ['JSON', JSON_HEADERS, () => tracesJson([freshIds()]), 'application/json', '{}'],
    [
      'protobuf',
      PROTOBUF_HEADERS,
      () => Buffer.from(encodeTracesProtobuf(toOtlpProtobufRequest([sampleSpan()]))),
      'application/x-protobuf',
      '',
    ],
  ])('answers every accepted %s export with the same empty response', async (_format, headers, body, type, text) => {
    await using receiver = await startReceiver();
    for (const url of [receiver.tracesUrl, receiver.tracesUrl, `${receiver.url}/v1/metrics`]) {
      const answer = await send(url, { headers, body: body() });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe(type);
      expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(text)));
      expect(answer.body.toString()).toBe(text);
    }
    expect(receiver.stats()).toMatchObject({ accepted: 2, metrics: 1 });
  });
});

describe('receiver: logs endpoint', () => {
  it('stores logs sent as JSON', async () => {
    await using receiver = await startReceiver();
    const ids = freshIds();
    const body = JSON.stringify(
      toOtlpLogsJson([sampleLog({ traceId: ids.traceId, spanId: ids.spanId, body: 'hello' })]),
    );
    const answer = await send(receiver.logsUrl, { headers: JSON_HEADERS, body });
    expect(answer.status).toBe(200);
    expect(receiver.store.logs()).toEqual([
      expect.objectContaining({ traceId: ids.traceId, spanId: ids.spanId, body: 'hello', service: 'checkout-api' }),
    ]);
  });

  it('stores logs sent as protobuf', async () => {
    await using receiver = await startReceiver();
    const body = Buffer.from(encodeLogsProtobuf(toOtlpLogsProtobufRequest([sampleLog({ body: 'from protobuf' })])));
    const answer = await send(receiver.logsUrl, { headers: PROTOBUF_HEADERS, body });
    expect(answer.status).toBe(200);
    expect(receiver.store.logs().map((log) => log.body)).toEqual(['from protobuf']);
  });

  it('answers 400 to an undecodable logs body and keeps earlier logs', async () => {
    await using receiver = await startReceiver();
    const first = JSON.stringify(toOtlpLogsJson([sampleLog({ body: 'kept' })]));
    expect((await send(receiver.logsUrl, { headers: JSON_HEADERS, body: first })).status).toBe(200);
    const answer = await send(receiver.logsUrl, { headers: JSON_HEADERS, body: '{"resourceLogs": 7}' });
    expect(answer.status).toBe(400);
    expect(statusMessage(answer)).toContain('OTLP/JSON ExportLogsServiceRequest');
    expect(receiver.store.logs().map((log) => log.body)).toEqual(['kept']);
  });
});
