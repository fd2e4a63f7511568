/**
 * Verdict benchmark (DESIGN.md, Performance): assembly plus all checks per span at 100k and 1M spans (≤ 1 µs per
 * span, growing linearly), and time to verdict after the last span for 1,000 requests over OTLP (≤ 1 s) and
 * in-process through TracegateSpanProcessor (≤ 50 ms). Prints numbers; it is not a test.
 * Run: npm run bench:verdict (BENCH_SIZES=100000,1000000 BENCH_ROUNDS=3 BENCH_REQUESTS=1000 to change).
 */
import { fillStore, timeAssemblyAndChecks } from './_internals/verdict-assembly.js';
import { assertPassed } from './_internals/verdict-judge.js';
import { inProcessTimeToVerdict } from './_internals/verdict-in-process.js';
import { otlpTimeToVerdict } from './_internals/verdict-otlp.js';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc (npm run bench:verdict does)');

// Warm the JIT on a small store first: otherwise the first size measured pays for compilation.
timeAssemblyAndChecks(fillStore(20_000), gc);

const perSpan: number[] = [];
for (const size of SIZES) {
  const filled = fillStore(size);
  let assemblyMs = Infinity;
  let totalMs = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const timing = timeAssemblyAndChecks(filled, gc);
    assemblyMs = Math.min(assemblyMs, timing.assemblyMs);
    totalMs = Math.min(totalMs, timing.totalMs);
  }
  const us = (ms: number): string => ((ms * 1000) / filled.spans).toFixed(2);
  perSpan.push((totalMs * 1000) / filled.spans);
  console.log(
    `assembly + checks, ${filled.spans} spans (${filled.records.length} requests): ${totalMs.toFixed(0)} ms, ` +
      `${us(totalMs)} µs/span (assembly alone ${us(assemblyMs)} µs/span; target ≤ 1 µs/span; best of ${ROUNDS})`,
  );
}
if (perSpan.length > 1) {
  const growth = perSpan[perSpan.length - 1]! / perSpan[0]!;
  console.log(`per-span cost at ${SIZES.at(-1)} / at ${SIZES[0]}: ${growth.toFixed(2)}× (1.00× is linear)`);
}

const otlp: number[] = [];
const inProcess: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const overHttp = await otlpTimeToVerdict(REQUESTS);
  // Only spans are posted: no log arrives, so log correlation has nothing to judge.
  assertPassed(overHttp.outcome, 'OTLP verdict', ['log-correlation']);
  otlp.push(overHttp.afterLastSpanMs);
  const local = await inProcessTimeToVerdict(REQUESTS);
  assertPassed(local.outcome, 'in-process verdict', ['log-correlation']);
  inProcess.push(local.afterLastSpanMs);
}
const median = (samples: number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
console.log(
  `time to verdict after the last span, ${REQUESTS} requests over OTLP/HTTP: ${median(otlp).toFixed(1)} ms ` +
    `(median of ${ROUNDS}; target ≤ 1000 ms)`,
);
console.log(
  `time to verdict after the last span, ${REQUESTS} requests in-process: ${median(inProcess).toFixed(1)} ms ` +
    `(median of ${ROUNDS}; target ≤ 50 ms)`,
);
