import { describe, expect, it } from '@jest/globals';
import { assembleForest } from '../../harness/forest/assemble-forest.js';
import { hygiene } from '../../harness/checks/index.js';
import { resolveThresholds } from '../../harness/verdict/thresholds.js';
import { inputOf, span, spanHex, traceHex } from './checks-support.js';

describe('hygiene', () => {
  it('passes a clean forest with no problems', () => {
    const { section } = hygiene(inputOf([{}, {}, {}]));
    expect(section).toMatchObject({ status: 'pass', n: 9, problems: [], value: null, threshold: null, examples: [] });
  });

  it('finds span names with ids, secrets in attribute keys, missing service.name and bad durations', () => {
    const traceId = traceHex(1);
    const spans = [
      ...Array.from({ length: 12 }, (_, i) =>
        span({
          traceId,
          spanId: spanHex(i + 1, 1),
          name: `GET /orders/${1000 + i}`,
          kind: 'server',
          service: 'api',
          startMs: i,
        }),
      ),
      span({
        traceId,
        spanId: spanHex(20, 1),
        name: 'GET /health',
        kind: 'server',
        service: 'api',
        startMs: 0,
        attributes: { 'http.request.header.authorization': '[x]', 'user.password': 'x', 'x-api-key': 'k' },
      }),
      span({
        traceId,
        spanId: spanHex(21, 1),
        name: 'job',
        kind: 'internal',
        service: 'unknown_service:node',
        startMs: 0,
      }),
      span({ traceId, spanId: spanHex(22, 1), name: 'open', kind: 'internal', service: 'api', startMs: 0, endMs: 0 }),
      span({ traceId, spanId: spanHex(23, 1), name: 'back', kind: 'internal', service: 'api', startMs: 5, endMs: 1 }),
    ];
    const input = { records: [], forest: assembleForest(spans) };
    const { section } = hygiene(input);
    expect(section.status).toBe('pass');
    expect(section.note).toMatch(/failOnHygiene is off/);
    const byCode = Object.fromEntries(section.problems.map((row) => [row.code, row]));
    expect(byCode['span.name-cardinality']).toMatchObject({ count: 12, examples: [traceId] });
    expect(byCode['span.name-cardinality']!.message).toContain(
      'api server "GET /orders/{n}" has 12 names (e.g. "GET /orders/1000")',
    );
    expect(byCode['attribute.secret-key']).toMatchObject({ count: 3 });
    expect(byCode['attribute.secret-key']!.message).toBe(
      '3 span attributes are named like credentials: http.request.header.authorization, user.password, x-api-key',
    );
    expect(byCode['attribute.secret-key']!.message).not.toContain('[x]');
    expect(byCode['resource.missing-service-name']).toMatchObject({ count: 1 });
    expect(byCode['span.unended']).toMatchObject({ count: 1 });
    expect(byCode['span.negative-duration']).toMatchObject({ count: 1 });
    const failing = hygiene({ ...input, thresholds: resolveThresholds({ failOnHygiene: true }) }).section;
    expect(failing).toMatchObject({ status: 'fail', examples: [traceId] });
  });

  it('leaves names below the cardinality limit alone', () => {
    const traceId = traceHex(1);
    const spans = Array.from({ length: 9 }, (_, i) =>
      span({
        traceId,
        spanId: spanHex(i + 1, 1),
        name: `GET /orders/${i}`,
        kind: 'server',
        service: 'api',
        startMs: i,
      }),
    );
    expect(hygiene({ records: [], forest: assembleForest(spans) }).section.problems).toEqual([]);
  });
});
