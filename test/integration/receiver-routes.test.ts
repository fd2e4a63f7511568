import { describe, expect, it } from '@jest/globals';
import { Store } from '../../harness/collect/store.js';
import { startReceiver } from '../../harness/collect/otlp/receiver.js';
import { ErrorCode } from '../../harness/errors.js';
import {
  JSON_HEADERS,
  expectStillServing,
  freshIds,
  seedSpan,
  send,
  statusMessage,
  tracesJson,
} from './receiver-client.js';

describe('startReceiver', () => {
  it('listens on a free loopback port and names its endpoints', async () => {
    await using receiver = await startReceiver();
    expect(receiver.port).toBeGreaterThan(0);
    expect(receiver.url).toBe(`http://127.0.0.1:${receiver.port}`);
    expect(receiver.tracesUrl).toBe(`${receiver.url}/v1/traces`);
    expect(receiver.logsUrl).toBe(`${receiver.url}/v1/logs`);
  });

  it('stores into the store it is given', async () => {
    const store = new Store();
    await using receiver = await startReceiver({ store });
    const seeded = await seedSpan(receiver);
    expect(receiver.store).toBe(store);
    expect(store.trace(seeded.traceId)).toHaveLength(1);
  });

  it.each([
    [{ port: 70000 }, 'port must be an integer from 0 to 65535, got 70000'],
    [{ port: 1.5 }, 'port must be an integer from 0 to 65535, got 1.5'],
    [{ maxBodyBytes: 0 }, 'maxBodyBytes must be an integer from 1 to'],
    [{ maxQueuedBodies: -1 }, 'maxQueuedBodies must be an integer from 1 to'],
    [{ maxQueuedBytes: Number.NaN }, 'maxQueuedBytes must be an integer from 1 to'],
    [{ retryAfterSeconds: 3 }, 'retryAfterSeconds must be an integer from 0 to 2, got 3'],
    [{ host: '' }, 'host must be a non-empty string'],
    [{ token: 'two words' }, 'token must be a non-empty string of visible ASCII characters'],
  ])('refuses %j before listening', async (options, message) => {
    await expect(startReceiver(options)).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
      message: expect.stringContaining(`tracegate.startReceiver(): ${message}`),
    });
  });

  it('stops answering once closed, and closing twice is harmless', async () => {
    const receiver = await startReceiver();
    await seedSpan(receiver);
    await receiver.close();
    await receiver.close();
    await expect(send(receiver.tracesUrl, { headers: JSON_HEADERS, body: '{}' })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});

describe('receiver routes', () => {
  it('answers 404 for paths it does not serve, naming the path and the right ones', async () => {
    await using receiver = await startReceiver();
    const seeded = await seedSpan(receiver);
    const answer = await send(`${receiver.url}/v1/trace`, { headers: JSON_HEADERS, body: tracesJson([freshIds()]) });
    expect(answer.status).toBe(404);
    expect(statusMessage(answer)).toBe('no OTLP endpoint at /v1/trace; POST to /v1/traces, /v1/logs or /v1/metrics');
    expect(receiver.stats().notFound).toBe(1);
    await expectStillServing(receiver, seeded);
  });

  it.each(['GET', 'PUT', 'DELETE'])('answers 405 with Allow: POST to %s on /v1/traces', async (method) => {
    await using receiver = await startReceiver();
    const seeded = await seedSpan(receiver);
    const answer = await send(receiver.tracesUrl, { method, headers: JSON_HEADERS });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('POST');
    expect(statusMessage(answer)).toBe(`${method} is not allowed on /v1/traces; use POST`);
    expect(receiver.stats().methodNotAllowed).toBe(1);
    await expectStillServing(receiver, seeded);
  });

  it('accepts, counts and discards metrics exports with an empty success', async () => {
    await using receiver = await startReceiver();
    const seeded = await seedSpan(receiver);
    const answer = await send(`${receiver.url}/v1/metrics?x=1`, {
      headers: JSON_HEADERS,
      body: JSON.stringify({ resourceMetrics: [{ scopeMetrics: [] }] }),
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString())).toEqual({});
    expect(receiver.stats()).toMatchObject({ metrics: 1, accepted: 1 });
    expect(receiver.store.counters().spansReceived).toBe(1);
    await expectStillServing(receiver, seeded);
  });
});

describe('receiver bearer token', () => {
  const token = 'tok3n-for-tests';

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer wrong-token' }],
    ['another scheme', { authorization: `Basic ${token}` }],
  ])('answers 401 to %s and stores nothing', async (_case, headers) => {
    await using receiver = await startReceiver({ token });
    const authorized = { authorization: `Bearer ${token}` };
    const seeded = await seedSpan(receiver, authorized);
    const ids = freshIds();
    const answer = await send(receiver.tracesUrl, {
      headers: { ...JSON_HEADERS, ...headers },
      body: tracesJson([ids]),
    });
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe('Bearer realm="tracegate"');
    expect(statusMessage(answer)).toBe('missing or wrong bearer token; send Authorization: Bearer <token>');
    expect(receiver.store.hasTrace(ids.traceId)).toBe(false);
    expect(receiver.stats().unauthorized).toBe(1);
    await expectStillServing(receiver, seeded, authorized);
  });

  it('guards every path, not only the export endpoints', async () => {
    await using receiver = await startReceiver({ token });
    expect((await send(`${receiver.url}/anything`, { method: 'GET' })).status).toBe(401);
  });

  it('accepts the right token, whatever the case of the scheme name', async () => {
    await using receiver = await startReceiver({ token });
    const ids = freshIds();
    const answer = await send(receiver.tracesUrl, {
      headers: { ...JSON_HEADERS, authorization: `bearer ${token}` },
      body: tracesJson([ids]),
    });
    expect(answer.status).toBe(200);
    expect(receiver.store.trace(ids.traceId)).toHaveLength(1);
  });
});
