import '../../harness/dispose.js';
import { describe, expect, it } from '@jest/globals';
import { isSpanId, isTraceId } from '../../harness/model/ids.js';
import { driveTraffic } from '../../harness/traffic/drive-traffic.js';
import { startTarget } from './traffic-target.js';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

describe('trace context on synthetic requests', () => {
  it('gives every request a fresh, sampled, well-formed traceparent and tracegate baggage, as recorded', async () => {
    await using target = await startTarget();
    const result = await driveTraffic(
      { target: target.url, requests: [{ path: '/' }], count: 40, concurrency: 4 },
      { runId: 'run-1', seed: 7 },
    );
    expect(result).toMatchObject({ sent: 40, completed: 40, failed: 0, runId: 'run-1', seed: 7 });
    expect(target.received).toHaveLength(40);
    const bySeq = new Map(result.records.map((record) => [record.seq, record]));
    for (const request of target.received) {
      const baggage = request.headers['baggage'];
      const seq = Number(/^tracegate\.run=run-1,tracegate\.req=(\d+)$/.exec(String(baggage))?.[1]);
      const [, traceId, spanId] = TRACEPARENT.exec(String(request.headers['traceparent'])) ?? [];
      expect(isTraceId(traceId ?? '') && isSpanId(spanId ?? '')).toBe(true);
      expect(request.headers['tracestate']).toBeUndefined();
      // The record of that request names the ids the service received: the entry span's trace and parent.
      expect(bySeq.get(seq)).toMatchObject({ traceId, spanId, correlation: 'traceparent', status: 200 });
    }
    const traceIds = new Set(target.received.map((request) => request.headers['traceparent']!.slice(3, 35)));
    const spanIds = new Set(target.received.map((request) => request.headers['traceparent']!.slice(36, 52)));
    expect(traceIds.size).toBe(40);
    expect(spanIds.size).toBe(40);
    expect(result.records.map((record) => record.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('sends the same ids for the same seed, and different ones for another seed', async () => {
    await using target = await startTarget();
    const run = async (seed: number): Promise<(string | undefined)[]> => {
      const result = await driveTraffic(
        { target: target.url, requests: [{ path: '/' }], count: 12, concurrency: 3 },
        { seed },
      );
      return result.records.map((record) => record.traceId);
    };
    const first = await run(2024);
    expect(await run(2024)).toEqual(first);
    const other = await run(2025);
    expect(other.filter((traceId) => first.includes(traceId))).toEqual([]);
    const sent = target.received.map((request) => request.headers['traceparent']!.slice(3, 35));
    expect(sent.slice(0, 12).sort()).toEqual([...first].sort());
  });

  it("merges the user's baggage after tracegate's members, passes tracestate, and honours a fixed traceparent", async () => {
    await using target = await startTarget();
    const fixed = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const result = await driveTraffic(
      {
        target: target.url,
        requests: [
          { path: '/', headers: { baggage: 'tenant=acme;ttl=5', tracestate: 'vendor=abc', traceparent: fixed } },
        ],
        count: 2,
      },
      { runId: 'r' },
    );
    expect(target.received.map((request) => request.headers['baggage']).sort()).toEqual([
      'tracegate.run=r,tracegate.req=1,tenant=acme;ttl=5',
      'tracegate.run=r,tracegate.req=2,tenant=acme;ttl=5',
    ]);
    expect(target.received.map((request) => request.headers['tracestate'])).toEqual(['vendor=abc', 'vendor=abc']);
    expect(target.received.map((request) => request.headers['traceparent'])).toEqual([fixed, fixed]);
    expect(result.records[0]).toMatchObject({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      correlation: 'traceparent',
    });
  });
});

describe('propagate: false', () => {
  it('sends no trace context and correlates by traceresponse, then request id, then timing', async () => {
    const learned = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await using target = await startTarget((request, response) => {
      if (request.url === '/traced') response.setHeader('traceresponse', learned);
      if (request.url === '/identified') response.setHeader('x-correlation-id', `req-${request.url.length}`);
      if (request.url === '/malformed') response.setHeader('traceresponse', '00-not-a-trace-01');
      response.end('ok');
    });
    const result = await driveTraffic(
      {
        target: target.url,
        requests: [
          { name: 'traced', path: '/traced' },
          { name: 'identified', path: '/identified' },
          { name: 'anonymous', path: '/anonymous' },
          { name: 'malformed', path: '/malformed' },
        ],
        count: 40,
        concurrency: 4,
      },
      { propagate: false, requestIdHeader: 'X-Correlation-Id', seed: 3 },
    );
    for (const request of target.received) {
      expect(Object.keys(request.headers).filter((name) => /traceparent|tracestate|baggage/.test(name))).toEqual([]);
    }
    const byRoute = (route: string) => result.records.filter((record) => record.route === route);
    for (const route of ['traced', 'identified', 'anonymous', 'malformed'])
      expect(byRoute(route).length).toBeGreaterThan(0);
    for (const record of byRoute('traced')) {
      expect(record).toMatchObject({
        correlation: 'traceresponse',
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: '00f067aa0ba902b7',
      });
    }
    for (const record of byRoute('identified')) {
      expect(record).toMatchObject({ correlation: 'request-id', requestId: 'req-11', traceId: undefined });
    }
    for (const record of [...byRoute('anonymous'), ...byRoute('malformed')]) {
      expect(record).toMatchObject({
        correlation: 'timing',
        traceId: undefined,
        spanId: undefined,
        requestId: undefined,
      });
    }
  });
});
