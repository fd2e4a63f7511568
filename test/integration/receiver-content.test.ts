import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { startReceiver } from '../../harness/collect/otlp/receiver.js';
import { encodeTracesProtobuf, toOtlpProtobufRequest } from '../support/otlp-proto.js';
import { sampleSpan } from '../support/otlp-samples.js';
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

function protobufBody(ids: { traceId: string; spanId: string }): Buffer {
  return Buffer.from(encodeTracesProtobuf(toOtlpProtobufRequest([sampleSpan(ids)])));
}

describe('receiver content types', () => {
  it.each([
    ['text/plain', 'Content-Type "text/plain" is not supported; expected application/json or application/x-protobuf'],
    [
      'application/grpc',
      'Content-Type "application/grpc" is not supported; expected application/json or application/x-protobuf',
    ],
    ['application/json; charset=latin1', 'charset "latin1" is not supported; OTLP bodies must be utf-8'],
  ])('answers 415 to %s in JSON, storing nothing', async (contentType, message) => {
    await using receiver = await startReceiver();
    const seeded = await seedSpan(receiver);
    const ids = freshIds();
    const answer = await send(receiver.tracesUrl, {
      headers: { 'content-type': contentType },
      body: tracesJson([ids]),
    });
    expect(answer.status).toBe(415);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(statusMessage(answer)).toBe(message);
    expect(receiver.store.hasTrace(ids.traceId)).toBe(false);
    expect(receiver.stats().unsupported).toBe(1);
    await expectStillServing(receiver, seeded);
  });

  it('answers 415 when Content-Type is missing', async () => {
    await using receiver = await startReceiver();
    const answer = await send(receiver.tracesUrl, { body: tracesJson([freshIds()]) });
    expect(answer.status).toBe(415);
    expect(statusMessage(answer)).toBe('Content-Type is missing; expected application/json or application/x-protobuf');
  });

  it.each(['application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"'])(
    'accepts JSON announced as %s',
    async (contentType) => {
      await using receiver = await startReceiver();
      const ids = freshIds();
      const answer = await send(receiver.tracesUrl, {
        headers: { 'content-type': contentType },
        body: tracesJson([ids]),
      });
      expect(answer.status).toBe(200);
      expect(receiver.store.trace(ids.traceId)).toHaveLength(1);
    },
  );

  it.each(['application/x-protobuf', 'application/protobuf'])(
    'accepts protobuf announced as %s',
    async (contentType) => {
      await using receiver = await startReceiver();
      const ids = freshIds();
      const answer = await send(receiver.tracesUrl, {
        headers: { 'content-type': contentType },
        body: protobufBody(ids),
      });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/x-protobuf');
      expect(answer.body).toHaveLength(0);
      expect(receiver.store.trace(ids.traceId).map((span) => span.name)).toEqual(['GET /api/orders/:id']);
    },
  );
});

describe('receiver content encodings', () => {
  it.each([
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['identity', (body: Buffer) => body],
  ])('accepts JSON with Content-Encoding %s', async (encoding, compress) => {
    await using receiver = await startReceiver();
    const ids = freshIds();
    const answer = await send(receiver.tracesUrl, {
      headers: { ...JSON_HEADERS, 'content-encoding': encoding },
      body: compress(Buffer.from(tracesJson([ids, { ...freshIds(), traceId: ids.traceId }]))),
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString())).toEqual({});
    expect(receiver.store.trace(ids.traceId)).toHaveLength(2);
  });

  it('accepts gzip protobuf', async () => {
    await using receiver = await startReceiver();
    const ids = freshIds();
    const answer = await send(receiver.tracesUrl, {
      headers: { ...PROTOBUF_HEADERS, 'content-encoding': 'gzip' },
      body: gzipSync(protobufBody(ids)),
    });
    expect(answer.status).toBe(200);
    expect(receiver.store.trace(ids.traceId)).toHaveLength(1);
  });

  it('answers 415 to an unknown encoding, in the format of the request', async () => {
    await using receiver = await startReceiver();
    const seeded = await seedSpan(receiver);
    const ids = freshIds();
    const answer = await send(receiver.tracesUrl, {
      headers: { ...PROTOBUF_HEADERS, 'content-encoding': 'br' },
      body: protobufBody(ids),
    });
    expect(answer.status).toBe(415);
    expect(answer.headers['content-type']).toBe('application/x-protobuf');
    expect(statusMessage(answer)).toBe(
      'Content-Encoding "br" is not supported; use gzip, deflate or identity (one encoding, not a list)',
    );
    expect(receiver.store.hasTrace(ids.traceId)).toBe(false);
    await expectStillServing(receiver, seeded);
  });

  it('answers 415 to stacked encodings', async () => {
    await using receiver = await startReceiver();
    const answer = await send(receiver.tracesUrl, {
      headers: { ...JSON_HEADERS, 'content-encoding': 'gzip, gzip' },
      body: gzipSync(gzipSync(tracesJson([freshIds()]))),
    });
    expect(answer.status).toBe(415);
    expect(statusMessage(answer)).toContain('Content-Encoding "gzip, gzip" is not supported');
  });

  it.each([
    ['not gzip at all', Buffer.from('definitely not gzip'), 'gzip body is corrupt: incorrect header check'],
    [
      'truncated gzip',
      gzipSync(tracesJson([freshIds()])).subarray(0, 40),
      'gzip body is corrupt: unexpected end of file',
    ],
  ])('answers 400 to %s, storing nothing', async (_case, body, message) => {
    await using receiver = await startReceiver();
    const seeded = await seedSpan(receiver);
    const answer = await send(receiver.tracesUrl, { headers: { ...JSON_HEADERS, 'content-encoding': 'gzip' }, body });
    expect(answer.status).toBe(400);
    expect(statusMessage(answer)).toBe(message);
    expect(receiver.stats()).toMatchObject({ badRequest: 1, accepted: 1 });
    expect(receiver.store.counters().spansReceived).toBe(1);
    await expectStillServing(receiver, seeded);
  });
});
