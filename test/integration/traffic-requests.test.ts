import '../../harness/dispose.js';
import { describe, expect, it } from '@jest/globals';
import { driveTraffic } from '../../harness/traffic/drive-traffic.js';
import type { RequestTemplate } from '../../harness/traffic/traffic-plan.js';
import type { TrafficProgress, RequestRecord } from '../../harness/traffic/request-record.js';
import { startTarget } from './traffic-target.js';

const count = (values: readonly string[]): Record<string, number> =>
  values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});

describe('the request mix', () => {
  const mix: RequestTemplate[] = [
    { name: 'home', path: '/home', weight: 5 },
    { name: 'search', path: '/search?q=x', weight: 3 },
    { name: 'never', path: '/never', weight: 0 },
    { name: 'about', path: '/about', weight: 2 },
  ];

  it('sends each entry in proportion to its weight, the same way for the same seed', async () => {
    await using target = await startTarget();
    const requests = 300;
    const first = await driveTraffic(
      { target: target.url, requests: mix, count: requests, concurrency: 6 },
      { seed: 11 },
    );
    const served = count(target.received.map((request) => request.url));
    const recorded = count(first.records.map((record) => record.route));
    expect(served).toEqual({
      '/home': recorded['home'],
      '/search?q=x': recorded['search'],
      '/about': recorded['about'],
    });
    expect(recorded['never']).toBeUndefined();
    for (const [route, share] of [
      ['home', 0.5],
      ['search', 0.3],
      ['about', 0.2],
    ] as const) {
      const sd = Math.sqrt(requests * share * (1 - share));
      expect(Math.abs(recorded[route]! - requests * share)).toBeLessThan(4.5 * sd);
    }
    const again = await driveTraffic(
      { target: target.url, requests: mix, count: requests, concurrency: 2 },
      { seed: 11 },
    );
    expect(again.records.map((record) => record.route)).toEqual(first.records.map((record) => record.route));
  });
});

describe('request templates and records', () => {
  it('fills in {{seq}} and {{runId}} per request in path, headers and body', async () => {
    await using target = await startTarget((request, response) => {
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ received: request.body.length }));
    });
    const result = await driveTraffic(
      {
        target: `${target.url}/api`,
        requests: [
          {
            name: 'create order',
            method: 'POST',
            path: '/orders/{{seq}}',
            headers: { 'x-idempotency-key': '{{runId}}:{{seq}}' },
            body: { orderId: '{{seq}}', run: '{{runId}}' },
          },
        ],
        count: 5,
        concurrency: 2,
      },
      { runId: 'tmpl' },
    );
    for (const request of target.received) {
      const seq = Number(/tracegate\.req=(\d+)/.exec(String(request.headers['baggage']))?.[1]);
      expect(request).toMatchObject({ method: 'POST', url: `/api/orders/${seq}` });
      expect(request.headers).toMatchObject({ 'content-type': 'application/json', 'x-idempotency-key': `tmpl:${seq}` });
      expect(JSON.parse(request.body)).toEqual({ orderId: String(seq), run: 'tmpl' });
    }
    expect(target.received.map((request) => request.url).sort()).toEqual([
      '/api/orders/1',
      '/api/orders/2',
      '/api/orders/3',
      '/api/orders/4',
      '/api/orders/5',
    ]);
    const record = result.records[2]!;
    expect(record).toMatchObject({
      seq: 3,
      route: 'create order',
      method: 'POST',
      url: `${target.url}/api/orders/3`,
      status: 201,
      error: undefined,
      bytesReceived: '{"received":31}'.length,
    });
    const { startUnixMs, connectMs, ttfbMs, totalMs } = record.timings;
    expect(Math.abs(startUnixMs - Date.now())).toBeLessThan(60_000);
    expect(connectMs).toBeGreaterThanOrEqual(0);
    expect(ttfbMs).toBeGreaterThanOrEqual(connectMs!);
    expect(totalMs).toBeGreaterThanOrEqual(ttfbMs!);
  });

  it('does not follow redirects: a 3xx is recorded as it came', async () => {
    await using target = await startTarget((request, response) => {
      response.writeHead(request.url === '/old' ? 302 : 200, { location: '/new' });
      response.end();
    });
    const result = await driveTraffic({ target: target.url, requests: [{ path: '/old' }], count: 3 });
    expect(result.records.map((record) => record.status)).toEqual([302, 302, 302]);
    expect(target.received.map((request) => request.url)).toEqual(['/old', '/old', '/old']);
    expect(result).toMatchObject({ completed: 3, failed: 0 });
  });

  it('reports progress while running and the final counts at the end, and hands over every record', async () => {
    await using target = await startTarget((_request, response) => setTimeout(() => response.end('ok'), 20));
    const progress: TrafficProgress[] = [];
    const streamed: RequestRecord[] = [];
    const result = await driveTraffic(
      { target: target.url, requests: [{ path: '/' }], count: 12, concurrency: 2 },
      {
        progressIntervalMs: 10,
        onProgress: (counts) => progress.push(counts),
        onRecord: (record) => streamed.push(record),
      },
    );
    expect(progress.at(-1)).toEqual({ sent: 12, completed: 12, failed: 0 });
    expect(progress.length).toBeGreaterThan(1);
    expect(streamed.map((record) => record.seq).sort((a, b) => a - b)).toEqual(
      result.records.map((record) => record.seq),
    );
    expect(streamed.find((record) => record.seq === 5)).toEqual(result.records[4]);
  });

  it('keeps no records when asked not to, and still counts', async () => {
    await using target = await startTarget();
    const result = await driveTraffic(
      { target: target.url, requests: [{ path: '/' }], count: 5 },
      { keepRecords: false },
    );
    expect(result).toMatchObject({ records: [], sent: 5, completed: 5, failed: 0 });
  });
});
