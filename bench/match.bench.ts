/**
 * Match benchmark: a 10-node pattern against a 1,000-span trace (an HTTP checkout with database calls, middleware,
 * a queue hop to a worker and a billing call). Prints the time per match on a tree seen for the first time (the
 * index is built inside the timing), on a tree already indexed, and for a mismatch with its divergence.
 * Target: under 1 ms per match. Run: node --import tsx bench/match.bench.ts
 */
import { TraceTree } from '../harness/forest/trace-tree.js';
import { matchTrace, parseSelector } from '../harness/dsl/index.js';
import type { SpanSpec } from '../test/support/dsl-traces.js';
import { traceIdOf, traceOf } from '../test/support/dsl-traces.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 500);

const leaf = (kind: SpanSpec['kind'], name: string, service = 'api'): SpanSpec => ({ kind, name, service });
const queries = (n: number, service: string): SpanSpec[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'client',
    name: i % 3 === 0 ? 'SELECT products' : 'SELECT stock',
    service,
    attributes: { 'db.system': 'postgresql' },
  }));
const middleware = (depth: number, inner: SpanSpec): SpanSpec =>
  depth === 0 ? inner : { kind: 'internal', name: `middleware ${depth}`, children: [middleware(depth - 1, inner)] };

function checkoutTrace(withWorker: boolean): TraceTree {
  const billing: SpanSpec = {
    kind: 'client',
    name: 'POST /charge',
    service: 'worker',
    children: [
      {
        kind: 'server',
        name: 'POST /charge',
        service: 'billing',
        children: [...queries(120, 'billing'), { ...leaf('client', 'UPDATE balance', 'billing') }],
      },
    ],
  };
  const worker: SpanSpec = {
    kind: 'consumer',
    name: 'orders process',
    service: 'worker',
    children: [...queries(150, 'worker'), billing],
  };
  const handler: SpanSpec = {
    kind: 'internal',
    name: 'checkout handler',
    children: [
      leaf('internal', 'validate order'),
      ...queries(300, 'api'),
      { ...leaf('client', 'INSERT orders'), attributes: { 'db.system': 'postgresql' } },
      leaf('client', 'INSERT outbox'),
      { kind: 'producer', name: 'orders publish', children: withWorker ? [worker] : [] },
      ...queries(withWorker ? 112 : 388, 'api'),
    ],
  };
  const root: SpanSpec = {
    kind: 'server',
    name: 'POST /api/checkout',
    children: [leaf('internal', 'auth middleware'), middleware(8, handler), ...queries(300, 'api')],
  };
  return traceOf(traceIdOf(1), [root]);
}

// Ten pattern nodes: the checkout, its middleware, two writes, validation, the queue hop, the worker and billing.
const PATTERN = parseSelector(
  'server "POST /api/checkout":root (' +
    '> internal "auth middleware", ' +
    '>> internal "validate order", ' +
    '>> client "INSERT orders"[db.system=postgresql], ' +
    '>> client "INSERT outbox", ' +
    '>> producer "orders publish" >> consumer "orders process"[service=worker]' +
    ' > client "POST /charge" > server "POST /charge"[service=billing] >> client "UPDATE balance")',
);

const fresh = (tree: TraceTree) => new TraceTree(tree);

function perMatchMs(label: string, tree: TraceTree, cold: boolean, expected: 'match' | 'mismatch'): number {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const trees = Array.from({ length: ITERATIONS }, () => (cold ? fresh(tree) : tree));
    const start = performance.now();
    for (const t of trees) {
      if (matchTrace(t, PATTERN).kind !== expected) throw new Error(`${label}: expected a ${expected}`);
    }
    samples.push((performance.now() - start) / ITERATIONS);
  }
  samples.sort((a, b) => a - b);
  const median = samples[samples.length >> 1]!;
  console.log(`${label.padEnd(44)} ${median.toFixed(3)} ms per match (best ${samples[0]!.toFixed(3)} ms)`);
  return median;
}

const healthy = checkoutTrace(true);
const broken = checkoutTrace(false);
console.log(`pattern: ${PATTERN.description.length} chars, 10 nodes; trace: ${healthy.spanCount} spans`);
perMatchMs('warm-up', healthy, true, 'match');
const cold = perMatchMs('match, tree seen for the first time', healthy, true, 'match');
perMatchMs('match, tree already indexed', healthy, false, 'match');
perMatchMs('mismatch with divergence and candidates', broken, true, 'mismatch');
console.log(`target < 1 ms per match: ${cold < 1 ? 'met' : 'NOT met'} (${cold.toFixed(3)} ms)`);
