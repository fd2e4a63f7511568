import { describe, expect, it } from '@jest/globals';
import { logCorrelation } from '../../harness/checks/index.js';
import type { LogRecord } from '../../harness/model/log.js';
import { idsOf, inputOf, log, plansWith } from './checks-support.js';

const orderOf = (seq: number): string => `ord-${1000 + seq}`;
const options = { requestKeys: (record: { seq: number }) => [orderOf(record.seq)] };

/** A correlated log of request i from api (its server span) and from worker (its consumer span). */
function goodLogs(i: number): LogRecord[] {
  const { traceId, server } = idsOf(i);
  return [
    log('api', `accepted order ${orderOf(i + 1)}`, { traceId, spanId: server }),
    log('worker', `processed order ${orderOf(i + 1)}`, {
      traceId,
      spanId: `c${(i + 1).toString(16).padStart(15, '0')}`,
    }),
  ];
}

describe('log-correlation', () => {
  it('passes when every request-scoped log carries ids of a span of its trace and service', () => {
    const logs = Array.from({ length: 50 }, (_, i) => goodLogs(i)).flat();
    logs.push(log('api', 'listening on 8080')); // not request-scoped: no ids and no request named
    const { section } = logCorrelation(
      inputOf(
        plansWith(50, () => false, {}),
        { logs },
      ),
      options,
    );
    expect(section).toMatchObject({ status: 'pass', n: 100, correlated: 100, leaked: 0, value: 1, threshold: 0.99 });
    expect(section.services.map((row) => [row.service, row.n, row.status])).toEqual([
      ['api', 50, 'pass'],
      ['worker', 50, 'pass'],
    ]);
  });

  it('counts a line once when it arrives both from stdout and over OTLP, but keeps repeated lines of one source', () => {
    const exported = Array.from({ length: 50 }, (_, i) => goodLogs(i)).flat();
    const printed = exported.map((each) => ({ ...each, source: { kind: 'stdout' as const, process: each.service } }));
    // The same line written twice to stdout is two logs; only the OTLP copy of each is an echo.
    const again = printed.slice(0, 3);
    const { section } = logCorrelation(
      inputOf(
        plansWith(50, () => false, {}),
        { logs: [...printed, ...exported, ...again] },
      ),
      options,
    );
    expect(section).toMatchObject({ status: 'pass', n: 103, correlated: 103 });
  });

  it('fails a logger without ids: its logs name the request but carry no trace id', () => {
    const logs = Array.from({ length: 50 }, (_, i) => [
      goodLogs(i)[0]!,
      log('worker', 'done', {}, { 'order.id': orderOf(i + 1) }),
    ]).flat();
    const { section } = logCorrelation(
      inputOf(
        plansWith(50, () => false, {}),
        { logs },
      ),
      options,
    );
    const worker = section.services.find((row) => row.service === 'worker')!;
    expect(worker).toMatchObject({ n: 50, correlated: 0, withoutIds: 50, status: 'fail' });
    expect(worker.examples[0]).toEqual({
      traceId: idsOf(0).traceId,
      problem: 'no-ids',
      loggedTraceId: null,
      excerpt: 'done',
    });
    expect(section.status).toBe('fail');
  });

  it("fails on one leaked log whatever the rate: request A named, request B's trace id carried", () => {
    const logs = Array.from({ length: 200 }, (_, i) => goodLogs(i)).flat();
    const b = idsOf(8);
    logs.push(log('api', `charged order ${orderOf(4)}`, { traceId: b.traceId, spanId: b.server }));
    const { section } = logCorrelation(
      inputOf(
        plansWith(200, () => false, {}),
        { logs },
      ),
      options,
    );
    const api = section.services.find((row) => row.service === 'api')!;
    expect(api).toMatchObject({ n: 201, correlated: 200, leaked: 1, status: 'fail' });
    expect(api.rate).toBeGreaterThan(0.99);
    expect(api.examples).toEqual([
      { traceId: idsOf(3).traceId, problem: 'leaked', loggedTraceId: b.traceId, excerpt: 'charged order ord-1004' },
    ]);
    expect(section).toMatchObject({ status: 'fail', leaked: 1 });
  });

  it("counts a log whose span id names another service's span, or no span, as unresolved", () => {
    const { traceId, server } = idsOf(0);
    const logs = [
      log('worker', 'x', { traceId, spanId: server }),
      log('api', 'y', { traceId, spanId: 'ffffffffffffffff' }),
      log('api', 'z', { traceId }),
    ];
    const { section } = logCorrelation(inputOf([{}], { logs }), options);
    expect(section.services.map((row) => [row.service, row.unresolved])).toEqual([
      ['api', 2],
      ['worker', 1],
    ]);
    expect(section.correlated).toBe(0);
  });

  it('matches whole words only, and reads the tracegate.req attribute as the request sequence number', () => {
    const logs = [
      log('api', 'retry ord-10011 later'), // ord-1001 is a prefix, not the word
      log('api', 'queued', {}, { 'tracegate.req': 2 }),
    ];
    const { section } = logCorrelation(inputOf([{}, {}], { logs }), options);
    expect(section.n).toBe(1);
    expect(section.services[0]!.examples[0]).toMatchObject({ traceId: idsOf(1).traceId, problem: 'no-ids' });
  });
});
