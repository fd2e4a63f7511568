import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import type { Receiver } from '../../harness/collect/otlp/receiver.js';
import { startReceiver } from '../../harness/collect/otlp/receiver.js';
import {
  JSON_HEADERS,
  expectStillServing,
  freshIds,
  seedSpan,
  send,
  sendChunkedUntilAnswered,
  statusMessage,
  tracesJson,
} from './receiver-client.js';

const EXPORTER_FIXTURE = fileURLToPath(new URL('../fixtures/overload-exporter.mjs', import.meta.url));

interface HeldExport {
  readonly ids: { traceId: string; spanId: string };
  /** Sends the rest of the body; resolves with the status the receiver answered, or 'reset' if it hung up. */
  finish(): Promise<number | 'reset'>;
}

/**
 * Starts an export and sends only half its body, so it holds a place in the ingest queue. `Expect: 100-continue`
 * makes the wait exact: the receiver admits a request in the same step in which it answers "continue".
 */
function holdQueuePlace(receiver: Receiver, padTo = 0): Promise<HeldExport> {
  const ids = freshIds();
  const json = tracesJson([{ ...ids, name: 'held' }]);
  const body = Buffer.from(json.padEnd(padTo, ' '));
  return new Promise((resolve, reject) => {
    let continued = false;
    let answered: (status: number | 'reset') => void = () => {};
    const status = new Promise<number | 'reset'>((resolveStatus) => (answered = resolveStatus));
    const req = httpRequest(receiver.tracesUrl, {
      method: 'POST',
      agent: false,
      headers: { ...JSON_HEADERS, 'content-length': body.length, expect: '100-continue' },
    });
    req.on('response', (res) => {
      res.resume();
      answered(res.statusCode ?? 0);
    });
    req.on('error', (error) => (continued ? answered('reset') : reject(error)));
    req.on('continue', () => {
      continued = true;
      req.write(body.subarray(0, body.length >> 1));
      resolve({ ids, finish: () => (req.end(body.subarray(body.length >> 1)), status) });
    });
    req.flushHeaders();
  });
}

/** Polls a counter of the receiver (it emits no events) until it reaches `atLeast`, within `timeoutMs`. */
async function waitForStat(receiver: Receiver, stat: 'throttled', atLeast: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (receiver.stats()[stat] < atLeast) {
    if (Date.now() > deadline) {
      throw new Error(`waited ${timeoutMs} ms for ${stat} >= ${atLeast}, have ${receiver.stats()[stat]}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface ExporterRun {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runExporter(tracesUrl: string, spanCount: number, batchSize: number): Promise<ExporterRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [EXPORTER_FIXTURE, tracesUrl, String(spanCount), String(batchSize)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 40_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

describe('receiver under overload', () => {
  it('answers a burst beyond the ingest queue with 429 and Retry-After, then stores the held body', async () => {
    await using receiver = await startReceiver({ maxQueuedBodies: 1 });
    const seeded = await seedSpan(receiver);
    const held = await holdQueuePlace(receiver);
    const burst = Array.from({ length: 10 }, () => freshIds());
    const answers = await Promise.all(
      burst.map((ids) => send(receiver.tracesUrl, { headers: JSON_HEADERS, body: tracesJson([ids]) })),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(429);
      expect(Number(answer.headers['retry-after'])).toBeLessThanOrEqual(2);
      expect(answer.headers['retry-after']).toBe('1');
      expect(statusMessage(answer)).toBe('ingest queue is full: 1 body in flight, limit is 1; retry after 1 s');
    }
    expect(burst.some((ids) => receiver.store.hasTrace(ids.traceId))).toBe(false);
    expect(receiver.stats().throttled).toBe(10);

    expect(await held.finish()).toBe(200);
    expect(receiver.store.trace(held.ids.traceId).map((span) => span.name)).toEqual(['held']);
    await expectStillServing(receiver, seeded);
  });

  it('refuses by bytes held as well as by count', async () => {
    await using receiver = await startReceiver({ maxQueuedBytes: 1000 });
    const held = await holdQueuePlace(receiver);
    const answer = await send(receiver.tracesUrl, {
      headers: JSON_HEADERS,
      body: tracesJson(Array.from({ length: 10 }, () => freshIds())),
    });
    expect(answer.status).toBe(429);
    expect(statusMessage(answer)).toMatch(
      /^ingest queue is full: \d+ bytes held, [\d.]+ KiB more would pass the limit of 1000 bytes; retry after 1 s$/,
    );
    expect(await held.finish()).toBe(200);
  });

  it('refuses a body whose bytes would overfill the queue while it streams in', async () => {
    await using receiver = await startReceiver({ maxQueuedBytes: 1000 });
    const seeded = await seedSpan(receiver);
    // Holds 800 bytes from admission on: its Content-Length is counted in full up front.
    const held = await holdQueuePlace(receiver, 800);
    // No Content-Length, so it is admitted with nothing held, and refused when its first 400 bytes arrive.
    const answer = await sendChunkedUntilAnswered(receiver.tracesUrl, JSON_HEADERS, Buffer.alloc(400, 0x20), 1);
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('1');
    expect(statusMessage(answer)).toMatch(
      /^ingest queue is full: 800 bytes held, \d+ bytes more would pass the limit of 1000 bytes; retry after 1 s$/,
    );
    expect(await held.finish()).toBe(200);
    expect(receiver.store.hasTrace(held.ids.traceId)).toBe(true);
    await expectStillServing(receiver, seeded);
  });

  it('sends the Retry-After it was configured with', async () => {
    await using receiver = await startReceiver({ maxQueuedBodies: 1, retryAfterSeconds: 2 });
    const held = await holdQueuePlace(receiver);
    const answer = await send(receiver.tracesUrl, { headers: JSON_HEADERS, body: tracesJson([freshIds()]) });
    expect(answer.headers['retry-after']).toBe('2');
    expect(statusMessage(answer)).toBe('ingest queue is full: 1 body in flight, limit is 1; retry after 2 s');
    expect(await held.finish()).toBe(200);
  });

  it('cuts off a body still arriving when it closes, without storing or acknowledging it', async () => {
    const receiver = await startReceiver();
    const held = await holdQueuePlace(receiver);
    await receiver.close();
    expect(await held.finish()).toBe('reset');
    expect(receiver.store.hasTrace(held.ids.traceId)).toBe(false);
    expect(receiver.stats().aborted).toBe(1);
  });

  it('loses no span of a real OpenTelemetry exporter that was throttled', async () => {
    const spanCount = 2000;
    await using receiver = await startReceiver({ maxQueuedBodies: 1, retryAfterSeconds: 1 });
    const seeded = await seedSpan(receiver);
    const held = await holdQueuePlace(receiver);
    const run = runExporter(receiver.tracesUrl, spanCount, 100);
    // Twenty batches are refused once, then again on their first retry a second later; release after that.
    await waitForStat(receiver, 'throttled', 30, 20_000);
    expect(await held.finish()).toBe(200);

    const { exitCode, stdout, stderr } = await run;
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    const { spanIds } = JSON.parse(stdout) as { spanIds: string[] };
    expect(new Set(spanIds).size).toBe(spanCount);
    const stored = new Set([...receiver.store.spans()].map((span) => span.spanId));
    expect(spanIds.filter((spanId) => !stored.has(spanId))).toEqual([]);
    expect(receiver.store.counters()).toMatchObject({ spansStored: spanCount + 2, spansRejected: 0 });
    expect(receiver.stats().throttled).toBeGreaterThanOrEqual(30);
    expect(receiver.stats().accepted).toBeGreaterThanOrEqual(spanCount / 100);
    await expectStillServing(receiver, seeded);
  });
});
