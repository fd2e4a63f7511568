import { describe, expect, it } from '@jest/globals';
import { assembleForest } from '../../harness/forest/assemble-forest.js';
import { rootCoverage } from '../../harness/checks/index.js';
import { InvalidArgumentError } from '../../harness/errors.js';
import { BASE_MS, idsOf, inputOf, plansWith, recordOf, span, spanHex, traceHex } from './checks-support.js';

describe('root-coverage', () => {
  it('passes at 0.95 when 3% of 1,000 requests have no entry span, and names the uncovered traces', () => {
    const plans = plansWith(1000, (i) => i % 100 < 3, { entry: false, hop: 'no-hop' }, { hop: 'no-hop' });
    const { section } = rootCoverage(inputOf(plans));
    expect(section).toMatchObject({
      id: 'root-coverage',
      status: 'pass',
      n: 1000,
      covered: 970,
      value: 0.97,
      threshold: 0.95,
    });
    expect(section.routes).toEqual([
      expect.objectContaining({ route: 'POST /orders', n: 1000, covered: 970, status: 'pass' }),
    ]);
    expect(section.routes[0]!.examples).toEqual([0, 1, 2, 100, 101].map((i) => idsOf(i).traceId));
    expect(section.interval!.low).toBeCloseTo(0.9575, 3);
  });

  it('fails at 0.95 when 8% of 1,000 requests have no entry span', () => {
    const plans = plansWith(1000, (i) => i % 100 < 8, { entry: false, hop: 'no-hop' }, { hop: 'no-hop' });
    const { section } = rootCoverage(inputOf(plans));
    expect(section).toMatchObject({ status: 'fail', n: 1000, covered: 920, value: 0.92 });
    expect(section.examples[0]).toBe(idsOf(0).traceId);
  });

  it('judges each route: one uncovered route fails the check while the other passes', () => {
    const records = Array.from({ length: 80 }, (_, i) => recordOf(i, {}, i < 40 ? 'GET /a' : 'GET /b'));
    const spans = records.flatMap((_, i) => {
      const { traceId, injected, server } = idsOf(i);
      return i >= 40 && i % 2 === 0
        ? []
        : [
            span({
              traceId,
              spanId: server,
              parentSpanId: injected,
              name: 'GET',
              kind: 'server',
              service: 'api',
              startMs: i,
            }),
          ];
    });
    const { section } = rootCoverage({ records, forest: assembleForest(spans) });
    expect(section.status).toBe('fail');
    expect(section.routes.map((row) => [row.route, row.covered, row.status])).toEqual([
      ['GET /a', 40, 'pass'],
      ['GET /b', 20, 'fail'],
    ]);
  });

  it('does not count a span of the wrong kind, or one below another parent, as the entry', () => {
    const records = [recordOf(0), recordOf(1)];
    const a = idsOf(0);
    const b = idsOf(1);
    const forest = assembleForest([
      span({
        traceId: a.traceId,
        spanId: a.server,
        parentSpanId: a.injected,
        name: 'x',
        kind: 'internal',
        service: 'api',
        startMs: 0,
      }),
      span({
        traceId: b.traceId,
        spanId: b.server,
        parentSpanId: spanHex(9, 9),
        name: 'x',
        kind: 'server',
        service: 'api',
        startMs: 0,
      }),
    ]);
    expect(rootCoverage({ records, forest }).section.covered).toBe(0);
    const consumerFed = assembleForest([
      span({
        traceId: a.traceId,
        spanId: a.server,
        parentSpanId: a.injected,
        name: 'x',
        kind: 'consumer',
        service: 'api',
        startMs: 0,
      }),
    ]);
    expect(
      rootCoverage({ records: [recordOf(0)], forest: consumerFed }, { entryKinds: ['server', 'consumer'] }).section
        .covered,
    ).toBe(1);
  });

  it('with propagation off, finds the entry root by timing, by request id and by traceresponse, and says so', () => {
    const timing = { ...recordOf(0), traceId: undefined, spanId: undefined, correlation: 'timing' as const };
    const byId = {
      ...recordOf(1),
      traceId: undefined,
      spanId: undefined,
      correlation: 'request-id' as const,
      requestId: 'req-7',
    };
    const byResponse = {
      ...recordOf(2),
      traceId: traceHex(3, 5),
      spanId: spanHex(3, 5),
      correlation: 'traceresponse' as const,
    };
    const lost = {
      ...recordOf(3),
      traceId: undefined,
      spanId: undefined,
      correlation: 'timing' as const,
      timings: { ...recordOf(3).timings, startUnixMs: BASE_MS + 50_000 },
    };
    const forest = assembleForest([
      span({
        traceId: traceHex(1, 5),
        spanId: spanHex(1, 5),
        name: 'POST',
        kind: 'server',
        service: 'api',
        startMs: 2,
      }),
      span({
        traceId: traceHex(2, 5),
        spanId: spanHex(2, 5),
        name: 'POST',
        kind: 'server',
        service: 'api',
        startMs: 101,
        attributes: { 'http.request.header.x-request-id': ['req-7'] },
      }),
      span({
        traceId: traceHex(3, 5),
        spanId: spanHex(3, 5),
        name: 'POST',
        kind: 'server',
        service: 'api',
        startMs: 201,
      }),
    ]);
    const { section } = rootCoverage({ records: [timing, byId, byResponse, lost], forest });
    expect(section.covered).toBe(3);
    expect(section.note).toBe('requests correlated 2 by timing, 1 by request-id, 1 by traceresponse');
  });

  it('skips when no request reached the service, and rejects bad options with the API name', () => {
    const refused = {
      ...recordOf(0),
      status: undefined,
      error: { code: 'connection-refused' as const, message: 'ECONNREFUSED' },
    };
    expect(rootCoverage({ records: [refused], forest: new Map() }).section).toMatchObject({
      status: 'skip',
      n: 0,
      value: null,
      interval: null,
    });
    expect(() => rootCoverage({ records: [], forest: new Map() }, { exampleLimit: -1 })).toThrow(InvalidArgumentError);
    expect(() => rootCoverage({ records: [], forest: new Map() }, { exampleLimit: -1 })).toThrow(
      /tracegate.runChecks\(\): exampleLimit/,
    );
  });
});
