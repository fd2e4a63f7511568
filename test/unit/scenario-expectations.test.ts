import { describe, expect, it } from '@jest/globals';
import { span } from '../../harness/dsl/span.js';
import { SpanPattern } from '../../harness/dsl/span-pattern.js';
import { InvalidArgumentError } from '../../harness/errors.js';
import { expectationFindings } from '../../harness/run/_internals/expectation-findings.js';
import { validateScenario } from '../../harness/run/validate-scenario.js';
import type { RequestRecord } from '../../harness/traffic/request-record.js';
import { idsOf, inputOf, plansWith, recordOf } from './checks-support.js';

const TREE = 'server "POST /orders" > producer >> consumer[service=worker]';
const ROUTE = 'POST /orders';

describe('expectationFindings', () => {
  it('says nothing when every trace of the route matches', () => {
    const { records, forest } = inputOf(plansWith(20, () => false, {}));
    expect(expectationFindings([{ route: ROUTE, tree: TREE }], records, forest)).toEqual([]);
  });

  it('gives a mismatching route one warning: how many matched, the first mismatch and its trace id', () => {
    const { records, forest } = inputOf(plansWith(20, (i) => i % 5 === 3, { hop: 'restarted-message-id' }));
    const findings = expectationFindings([{ route: ROUTE, tree: TREE }], records, forest);
    expect(findings).toEqual([
      {
        level: 'warn',
        code: 'expectation.mismatch',
        message: `POST /orders: 16 of 20 traces match the expected span tree; trace ${idsOf(3).traceId}: no span matches >> consumer[service=worker] below producer "orders publish"`,
        traceId: idsOf(3).traceId,
      },
    ]);
  });

  it('accepts a pattern from the builder as well as a selector', () => {
    const { records, forest } = inputOf(plansWith(6, (i) => i === 4, { hop: 'missing' }));
    const tree = span.server('POST /orders').descendant(span.consumer({ service: 'worker' }));
    const [finding] = expectationFindings([{ route: ROUTE, tree }], records, forest);
    expect(finding?.message).toMatch(/^POST \/orders: 5 of 6 traces match/);
    expect(finding?.traceId).toBe(idsOf(4).traceId);
  });

  it('counts a trace that never arrived as a mismatch', () => {
    const { records, forest } = inputOf(plansWith(4, () => false, {}));
    const ghost: RequestRecord = { ...recordOf(9), seq: 10 };
    const [finding] = expectationFindings([{ route: ROUTE, tree: TREE }], [...records, ghost], forest);
    expect(finding?.message).toBe(
      `POST /orders: 4 of 5 traces match the expected span tree; trace ${idsOf(9).traceId}: no span of this trace arrived`,
    );
  });

  it('judges only completed requests, and a trace must match every expectation of its route', () => {
    const { records, forest } = inputOf(plansWith(8, (i) => i >= 6, { hop: 'no-hop' }));
    const failed: RequestRecord[] = records.map((record, i) =>
      i === 7 ? { ...record, status: undefined, error: { code: 'connection-reset', message: 'reset' } } : record,
    );
    const expectations = [
      { route: ROUTE, tree: 'server "POST /orders"' },
      { route: ROUTE, tree: 'server > producer' },
    ];
    const findings = expectationFindings(expectations, failed, forest);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/^POST \/orders: 6 of 7 traces match the expected span tree; trace /);
    expect(findings[0]?.traceId).toBe(idsOf(6).traceId);
  });

  it('notes a route that no completed request reached, and leaves routes without expectations alone', () => {
    const { records, forest } = inputOf(plansWith(3, () => true, { hop: 'missing' }));
    const findings = expectationFindings([{ route: 'GET /health', tree: 'server' }], records, forest);
    expect(findings).toEqual([
      {
        level: 'info',
        code: 'expectation.unchecked',
        message: 'GET /health: no completed request to match the expected span tree against',
      },
    ]);
  });
});

const base = {
  name: 'expect',
  target: 'http://127.0.0.1:3000',
  traffic: {
    requests: [
      { method: 'post', path: '/orders' },
      { name: 'health', path: '/health' },
    ],
  },
};

function problem(scenario: unknown): string {
  try {
    validateScenario(scenario, 'test');
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return (error as Error).message;
  }
  throw new Error('expected the scenario to be refused');
}

describe('validateScenario: expect', () => {
  it('parses selector strings into patterns and keeps builder patterns', () => {
    const built = span.server();
    const valid = validateScenario({
      ...base,
      expect: [
        { route: ROUTE, tree: TREE },
        { route: 'health', tree: built },
      ],
    });
    expect(valid.expect?.map((entry) => entry.route)).toEqual([ROUTE, 'health']);
    expect(valid.expect?.[0]?.tree).toBeInstanceOf(SpanPattern);
    expect(valid.expect?.[1]?.tree).toBe(built);
  });

  it('names the field of a bad selector, with the parser message and its caret line', () => {
    expect(problem({ ...base, expect: [{ route: ROUTE, tree: 'server >> consumer[service=worker' }] })).toBe(
      "test: scenario.expect[0].tree: expected ']' at column 34, found the end\n" +
        '  server >> consumer[service=worker\n' +
        '                                   ^',
    );
  });

  it.each([
    ['not an array', { route: ROUTE, tree: TREE }, 'test: scenario.expect: expected an array of { route, tree }, got'],
    [
      'a route no request counts under',
      [{ route: 'GET /orders', tree: 'server' }],
      `test: scenario.expect[0].route: expected one of the traffic's routes ("POST /orders", "health"), got "GET /orders"`,
    ],
    ['an empty route', [{ route: ' ', tree: 'server' }], 'test: scenario.expect[0].route: expected a non-empty string'],
    [
      'a tree of the wrong type',
      [{ route: ROUTE, tree: 3 }],
      'test: scenario.expect[0].tree: expected a span pattern or a selector string, got 3',
    ],
    [
      'an unknown field',
      [{ route: ROUTE, tree: 'server', trees: 'x' }],
      'test: scenario.expect[0].trees: unknown field; the fields are route, tree',
    ],
  ])('refuses %s', (_, expectations, message) => {
    expect(problem({ ...base, expect: expectations })).toContain(message);
  });
});
