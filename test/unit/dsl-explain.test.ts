import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from '../../harness/errors.js';
import type { MatchContext, SpanPattern } from '../../harness/dsl/index.js';
import { explainMatch, matchTrace, parseSelector, span } from '../../harness/dsl/index.js';
import type { TraceTree } from '../../harness/forest/trace-tree.js';
import type { SpanSpec } from '../support/dsl-traces.js';
import { traceIdOf, traceOf } from '../support/dsl-traces.js';

const A = traceIdOf(0xa1);
const B = traceIdOf(0xb2);

const explain = (tree: TraceTree, pattern: SpanPattern, context?: MatchContext): string =>
  explainMatch(matchTrace(tree, pattern, context), tree);

const db = traceOf(A, [
  {
    kind: 'server',
    name: 'GET /orders/:id',
    durationMs: 14.5,
    children: [
      { kind: 'internal', name: 'auth middleware', durationMs: 0.4 },
      { kind: 'client', name: 'SELECT orders', durationMs: 3.25, attributes: { 'db.system': 'mysql' } },
      { kind: 'client', name: 'SELECT items', durationMs: 2, status: 'error' },
    ],
  },
]);

const api: SpanSpec = {
  kind: 'server',
  name: 'POST /api/checkout',
  durationMs: 42,
  children: [
    { kind: 'client', name: 'INSERT orders', durationMs: 4 },
    { kind: 'producer', name: 'orders publish', durationMs: 1 },
  ],
};
const checkout = traceOf(A, [api]);
const worker = traceOf(
  B,
  [
    {
      kind: 'consumer',
      name: 'orders process',
      service: 'worker',
      durationMs: 30,
      children: [{ kind: 'client', name: 'POST /charge', service: 'worker', durationMs: 25 }],
    },
  ],
  { firstId: 0x100 },
);
const orphaned = traceOf(A, [
  api,
  { kind: 'consumer', name: 'orders process', service: 'worker', parentId: '00f067aa0ba902b7', durationMs: 30 },
]);
const queueHop = parseSelector(
  'server "POST /api/checkout" > producer "orders publish" >> consumer "orders process"[service=worker]',
);

const queries = (n: number): SpanSpec[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'client', name: i % 2 ? 'SELECT stock' : 'SELECT products' }));
const chain = (depth: number, inner: SpanSpec): SpanSpec =>
  depth === 0 ? inner : { kind: 'internal', name: `middleware ${depth}`, children: [chain(depth - 1, inner)] };
const big = traceOf(A, [
  {
    kind: 'server',
    name: 'POST /api/checkout',
    children: [
      ...queries(300),
      chain(20, {
        kind: 'internal',
        name: 'checkout handler',
        children: [...queries(400), { kind: 'producer', name: 'orders publish' }, ...queries(278)],
      }),
    ],
  },
]);

describe('explainMatch', () => {
  it('HTTP → DB: the query is there, with the wrong database attribute', () => {
    expect(explain(db, parseSelector('server "GET /orders/:id" > client "SELECT orders"[db.system=postgresql]'))).toBe(
      [
        'trace 000000000000000000000000000000a1: no span matches > client "SELECT orders"[db.system="postgresql"] below server "GET /orders/:id"',
        '',
        'Expected:',
        '  server "GET /orders/:id"  ✓',
        '  └─ > client "SELECT orders"[db.system="postgresql"]  ✗ not found',
        '',
        'Received (4 spans):',
        '  server "GET /orders/:id" (api, 14.5ms)',
        '  ├─ internal "auth middleware" (api, 0.4ms)',
        '  ├─ client "SELECT orders" (api, 3.25ms)  ← candidate 1',
        '  ├─ client "SELECT items" (api, 2ms, ERROR)  ← candidate 2',
        '  └─ ✗ ← expected > client "SELECT orders"[db.system="postgresql"] here',
        '',
        'Nearest candidates:',
        '  1. client "SELECT orders" (api, 3.25ms) span 0000000000000003',
        '     2 of 3 constraints hold; fails db.system="postgresql" (has db.system="mysql")',
        '  2. client "SELECT items" (api, 2ms, ERROR) span 0000000000000004',
        '     1 of 3 constraints hold; fails "SELECT orders" (has "SELECT items"), db.system="postgresql" (has no db.system)',
      ].join('\n'),
    );
  });

  it('HTTP → DB: the query sits below middleware, where a direct child was expected', () => {
    const nested = traceOf(A, [
      {
        kind: 'server',
        name: 'GET /orders/:id',
        durationMs: 9,
        children: [
          {
            kind: 'internal',
            name: 'router',
            durationMs: 8,
            children: [
              {
                kind: 'internal',
                name: 'handler',
                durationMs: 7,
                children: [
                  { kind: 'client', name: 'SELECT orders', durationMs: 5, attributes: { 'db.system': 'postgresql' } },
                ],
              },
            ],
          },
        ],
      },
    ]);
    const pattern = span
      .server('GET /orders/:id')
      .child(span.client('SELECT orders', { attributes: { 'db.system': 'postgresql' } }));
    expect(explain(nested, pattern)).toBe(
      [
        'trace 000000000000000000000000000000a1: no span matches > client "SELECT orders"[db.system="postgresql"] below server "GET /orders/:id"',
        '',
        'Expected:',
        '  server "GET /orders/:id"  ✓',
        '  └─ > client "SELECT orders"[db.system="postgresql"]  ✗ not found',
        '',
        'Received (4 spans):',
        '  server "GET /orders/:id" (api, 9ms)',
        '  ├─ internal "router" (api, 8ms)',
        '  │  └─ internal "handler" (api, 7ms)',
        '  │     └─ client "SELECT orders" (api, 5ms)  ← candidate 1',
        '  └─ ✗ ← expected > client "SELECT orders"[db.system="postgresql"] here',
        '',
        'Nearest candidates:',
        '  1. client "SELECT orders" (api, 5ms) span 0000000000000004',
        '     matches, but sits below server "GET /orders/:id", not as a direct child: 2 spans sit between (>> would allow that)',
      ].join('\n'),
    );
    expect(matchTrace(nested, parseSelector('server "GET /orders/:id" >> client "SELECT orders"')).kind).toBe('match');
  });

  it('HTTP → queue → worker: the consumer restarted in another trace', () => {
    expect(explain(checkout, queueHop, { elsewhere: () => [checkout, worker] })).toBe(
      [
        'trace 000000000000000000000000000000a1: no span matches >> consumer "orders process"[service=worker] below producer "orders publish"',
        '',
        'Expected:',
        '  server "POST /api/checkout"  ✓',
        '  └─ > producer "orders publish"  ✓',
        '     └─ >> consumer "orders process"[service=worker]  ✗ not found',
        '',
        'Received (3 spans):',
        '  server "POST /api/checkout" (api, 42ms)',
        '  ├─ client "INSERT orders" (api, 4ms)',
        '  └─ producer "orders publish" (api, 1ms)',
        '     └─ ✗ ← expected >> consumer "orders process"[service=worker] here',
        '',
        'Nearest candidates:',
        '  1. consumer "orders process" (worker, 30ms) span 0000000000000100 in trace 000000000000000000000000000000b2',
        '     matches, but sits in another trace (a restarted hop: the context did not cross)',
      ].join('\n'),
    );
  });

  it('HTTP → queue → worker: the consumer orphaned under a parent that never arrived', () => {
    expect(explain(orphaned, queueHop)).toBe(
      [
        'trace 000000000000000000000000000000a1: no span matches >> consumer "orders process"[service=worker] below producer "orders publish"',
        '',
        'Expected:',
        '  server "POST /api/checkout"  ✓',
        '  └─ > producer "orders publish"  ✓',
        '     └─ >> consumer "orders process"[service=worker]  ✗ not found',
        '',
        'Received (4 spans):',
        '  server "POST /api/checkout" (api, 42ms)',
        '  ├─ client "INSERT orders" (api, 4ms)',
        '  └─ producer "orders publish" (api, 1ms)',
        '     └─ ✗ ← expected >> consumer "orders process"[service=worker] here',
        '  consumer "orders process" (worker, 30ms) [orphan: parent 00f067aa0ba902b7 never arrived]  ← candidate 1',
        '',
        'Nearest candidates:',
        '  1. consumer "orders process" (worker, 30ms) span 0000000000000004',
        '     matches, but sits under parent 00f067aa0ba902b7, which never arrived (an orphaned hop)',
      ].join('\n'),
    );
  });

  it('too many spans for an exact count', () => {
    expect(explain(db, span.server().child(span.client(/^SELECT/), 1))).toBe(
      [
        'trace 000000000000000000000000000000a1: expected exactly 1 > client /^SELECT/ below server "GET /orders/:id", found 2',
        '',
        'Expected:',
        '  server  ✓',
        '  └─ > client /^SELECT/{1}  ✗ found 2, expected exactly 1',
        '',
        'Received (4 spans):',
        '  server "GET /orders/:id" (api, 14.5ms)',
        '  ├─ internal "auth middleware" (api, 0.4ms)',
        '  ├─ client "SELECT orders" (api, 3.25ms)  ✗ ← matches (2 found, exactly 1 expected)',
        '  └─ client "SELECT items" (api, 2ms, ERROR)  ✗ ← matches (2 found, exactly 1 expected)',
      ].join('\n'),
    );
  });

  it('children out of the declared order', () => {
    expect(
      explain(db, span.server().child(span.client('SELECT items')).child(span.client('SELECT orders')).ordered()),
    ).toBe(
      [
        'trace 000000000000000000000000000000a1: > client "SELECT orders" below server "GET /orders/:id" does not start after the spans declared before it (:ordered)',
        '',
        'Expected:',
        '  server:ordered  ✓',
        '  ├─ > client "SELECT items"',
        '  └─ > client "SELECT orders"  ✗ out of order',
        '',
        'Received (4 spans):',
        '  server "GET /orders/:id" (api, 14.5ms)',
        '  ├─ internal "auth middleware" (api, 0.4ms)',
        '  ├─ client "SELECT orders" (api, 3.25ms)  ✗ ← matches, but out of order',
        '  └─ client "SELECT items" (api, 2ms, ERROR)',
      ].join('\n'),
    );
  });

  it('a span that matches but is not the root', () => {
    expect(explain(db, span.client('SELECT orders').root())).toBe(
      [
        'trace 000000000000000000000000000000a1: client "SELECT orders":root matches 1 span, but none of them is the root of the trace',
        '',
        'Expected:',
        '  client "SELECT orders":root  ✗ not the root',
        '',
        'Received (4 spans):',
        '  server "GET /orders/:id" (api, 14.5ms)',
        '  ├─ internal "auth middleware" (api, 0.4ms)',
        '  ├─ client "SELECT orders" (api, 3.25ms)  ✗ ← matches, but is not the root',
        '  └─ client "SELECT items" (api, 2ms, ERROR)',
      ].join('\n'),
    );
  });

  it('a top that matches nowhere', () => {
    expect(explain(db, span.consumer({ service: 'worker' }))).toBe(
      [
        'trace 000000000000000000000000000000a1: no span matches consumer[service=worker]',
        '',
        'Expected:',
        '  consumer[service=worker]  ✗ not found',
        '',
        'Received (4 spans):',
        '  ✗ ← expected consumer[service=worker] somewhere in this trace',
        '  server "GET /orders/:id" (api, 14.5ms)',
        '  ├─ internal "auth middleware" (api, 0.4ms)',
        '  ├─ client "SELECT orders" (api, 3.25ms)',
        '  └─ client "SELECT items" (api, 2ms, ERROR)',
        '',
        'Nearest candidates: none (no span satisfies any constraint of consumer[service=worker])',
      ].join('\n'),
    );
  });

  it('a match, as .not reports it', () => {
    expect(explain(db, span.server().child(span.client(/^SELECT/), 2))).toBe(
      [
        'trace 000000000000000000000000000000a1: the pattern matches at span 0000000000000001',
        '',
        'Expected:',
        '  server  ✓ 1 span',
        '  └─ > client /^SELECT/{2}  ✓ 2 spans',
        '',
        'Received (4 spans):',
        '  server "GET /orders/:id" (api, 14.5ms)  ← ✓ server',
        '  ├─ internal "auth middleware" (api, 0.4ms)',
        '  ├─ client "SELECT orders" (api, 3.25ms)  ← ✓ client /^SELECT/',
        '  └─ client "SELECT items" (api, 2ms, ERROR)  ← ✓ client /^SELECT/',
      ].join('\n'),
    );
  });

  it('a 1,001-span trace, elided around the divergence', () => {
    expect(
      explain(
        big,
        parseSelector('server "POST /api/checkout" >> producer "orders publish" > consumer[service=worker]'),
      ),
    ).toBe(
      [
        'trace 000000000000000000000000000000a1: no span matches > consumer[service=worker] below producer "orders publish"',
        '',
        'Expected:',
        '  server "POST /api/checkout"  ✓',
        '  └─ >> producer "orders publish"  ✓',
        '     └─ > consumer[service=worker]  ✗ not found',
        '',
        'Received (1001 spans):',
        '  server "POST /api/checkout" (api, 1ms)',
        '  ⋮ 20 levels elided, with 300 more spans beside them',
        '  └─ internal "checkout handler" (api, 1ms)',
        '     ├─ producer "orders publish" (api, 1ms)',
        '     │  └─ ✗ ← expected > consumer[service=worker] here',
        '     └─ … 678 more spans',
        '',
        'Nearest candidates: none (no span satisfies any constraint of consumer[service=worker])',
      ].join('\n'),
    );
  });

  it('rejects a tree of another trace than the result', () => {
    expect(() => explainMatch(matchTrace(db, span.any()), worker)).toThrow(InvalidArgumentError);
  });
});
