import '../../harness/dispose.js';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { driveTraffic } from '../../harness/traffic/drive-traffic.js';
import type { RequestRecord } from '../../harness/traffic/request-record.js';
import { startTarget } from './traffic-target.js';

const byRoute = (records: readonly RequestRecord[], route: string): RequestRecord[] =>
  records.filter((record) => record.route === route);

/** A port nothing listens on: bound once by the test, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('requests that fail are records, and the run goes on', () => {
  it('records a headers timeout for a service that never answers', async () => {
    await using target = await startTarget((request, response) => {
      if (request.url === '/ok') response.end('ok');
      // '/hang' is never answered.
    });
    const result = await driveTraffic(
      {
        target: target.url,
        requests: [
          { name: 'ok', path: '/ok' },
          { name: 'hang', path: '/hang' },
        ],
        count: 8,
        concurrency: 4,
      },
      { headersTimeoutMs: 150, seed: 5 },
    );
    expect(result.sent).toBe(8);
    const hung = byRoute(result.records, 'hang');
    expect(hung.length).toBeGreaterThan(0);
    for (const record of hung) {
      expect(record).toMatchObject({
        status: undefined,
        error: { code: 'headers-timeout', message: 'no complete response headers within 150 ms' },
      });
    }
    for (const record of byRoute(result.records, 'ok')) expect(record).toMatchObject({ status: 200, error: undefined });
    expect(result).toMatchObject({ completed: 8 - hung.length, failed: hung.length });
  });

  it('records a body timeout, with the status and the bytes that did arrive', async () => {
    await using target = await startTarget((_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('first ten.');
      // The other 90 bytes never come.
    });
    const result = await driveTraffic(
      { target: target.url, requests: [{ path: '/' }], count: 2 },
      { bodyTimeoutMs: 150 },
    );
    for (const record of result.records) {
      expect(record).toMatchObject({ status: 200, bytesReceived: 10, error: { code: 'body-timeout' } });
      expect(record.timings.ttfbMs).toBeDefined();
    }
  });

  it('stops reading a response over the size cap, whether announced or streamed', async () => {
    await using target = await startTarget((request, response) => {
      if (request.url === '/announced') {
        response.writeHead(200, { 'content-length': String(64 * 1024) });
        response.end(Buffer.alloc(64 * 1024));
        return;
      }
      // Chunked: the size is known only while reading.
      response.writeHead(200);
      for (let i = 0; i < 16; i++) response.write(Buffer.alloc(4096));
      response.end();
    });
    const result = await driveTraffic(
      {
        target: target.url,
        requests: [
          { name: 'announced', path: '/announced' },
          { name: 'streamed', path: '/streamed' },
        ],
        count: 6,
        concurrency: 2,
      },
      { maxResponseBytes: 10_000, seed: 1 },
    );
    for (const record of byRoute(result.records, 'announced')) {
      expect(record).toMatchObject({
        status: 200,
        bytesReceived: 0,
        error: { code: 'too-large', message: 'response body is 65536 bytes (Content-Length), limit is 10000' },
      });
    }
    for (const record of byRoute(result.records, 'streamed')) {
      expect(record).toMatchObject({ status: 200, error: { code: 'too-large' } });
      expect(record.error!.message).toMatch(/^response body passed the limit of 10000 bytes; stopped reading at \d+$/);
      expect(record.bytesReceived).toBeGreaterThan(10_000);
      expect(record.bytesReceived).toBeLessThan(64 * 1024);
    }
    expect(byRoute(result.records, 'announced').length + byRoute(result.records, 'streamed').length).toBe(6);
  });

  it('records connection refused when nothing listens', async () => {
    const port = await closedPort();
    const result = await driveTraffic({
      target: `http://127.0.0.1:${port}`,
      requests: [{ path: '/' }],
      count: 3,
      concurrency: 2,
    });
    expect(result).toMatchObject({ sent: 3, completed: 0, failed: 3 });
    for (const record of result.records) {
      expect(record).toMatchObject({ status: undefined, error: { code: 'connection-refused' } });
      expect(record.timings.connectMs).toBeUndefined();
      expect(record.error!.message).toContain('ECONNREFUSED');
    }
  });

  it('records a reset when the service drops the connection', async () => {
    await using target = await startTarget((_request, _response, raw) => raw.socket.destroy());
    const result = await driveTraffic({ target: target.url, requests: [{ path: '/' }], count: 2 });
    for (const record of result.records) expect(record.error?.code).toBe('connection-reset');
  });

  it('on abort, stops starting requests and records those in flight as aborted', async () => {
    const controller = new AbortController();
    await using target = await startTarget(() => {
      // Never answers; the first arrival aborts the run.
      controller.abort();
    });
    const result = await driveTraffic(
      { target: target.url, requests: [{ path: '/' }], count: 50, concurrency: 2, ratePerSecond: 5 },
      { signal: controller.signal },
    );
    expect(result.sent).toBeLessThan(50);
    expect(result.records).toHaveLength(result.sent);
    for (const record of result.records)
      expect(record.error).toEqual({ code: 'aborted', message: 'the run was aborted' });
  });

  it('stops the run and rejects with the error when a callback throws', async () => {
    await using target = await startTarget();
    const thrown = new Error('the consumer broke');
    await expect(
      driveTraffic(
        { target: target.url, requests: [{ path: '/' }], count: 1_000, concurrency: 2 },
        {
          onRecord: () => {
            throw thrown;
          },
        },
      ),
    ).rejects.toBe(thrown);
    expect(target.received.length).toBeLessThan(1_000);
  });
});
