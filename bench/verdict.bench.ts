/**
 * Verdict benchmark (DESIGN.md, Performance): assembly plus all checks per span at 100k and 1M spans (≤ 1 µs per
 * span, growing linearly), and time to verdict after the last span for 1,000 requests over OTLP (≤ 1 s) and
 * in-process through TracegateSpanProcessor (≤ 50 ms). Same-run peers: the same checks over freshly read
 * SpanRecords (the record path), and a bare loop touching every span's packed row once. Rounds interleave the
 * ways, so load on the machine hits them alike; each line gives the median and the spread (min–max) of CPU time
 * (user + system of the process: a shared machine's wait for a core is not the code's cost) and of wall time.
 * Prints numbers; it is not a test.
 * Run: npm run bench:verdict (BENCH_SIZES=100000,1000000 BENCH_ROUNDS=5 BENCH_REQUESTS=1000 to change).
 */
import type { AssemblyTiming, Cost } from './_internals/verdict-assembly.js';
import { fillStore, timeAssemblyAndChecks } from './_internals/verdict-assembly.js';
import { assertPassed } from './_internals/verdict-judge.js';
import { inProcessTimeToVerdict } from './_internals/verdict-in-process.js';
import { otlpTimeToVerdict } from './_internals/verdict-otlp.js';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const VERDICT_ROUNDS = Number(process.env.BENCH_VERDICT_ROUNDS ?? 3);

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc (npm run bench:verdict does)');

const median = (samples: readonly number[]): number =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const spread = (samples: readonly number[], scale: number): string =>
  `${(Math.min(...samples) * scale).toFixed(2)}–${(Math.max(...samples) * scale).toFixed(2)}`;

// Warm the JIT on a small store first: otherwise the first size measured pays for compilation.
const warm = fillStore(20_000);
for (let round = 0; round < 3; round++) await timeAssemblyAndChecks(warm, gc);

const medians: number[] = [];
for (const size of SIZES) {
  const filled = fillStore(size);
  const rounds: AssemblyTiming[] = [];
  for (let round = 0; round < ROUNDS; round++) rounds.push(await timeAssemblyAndChecks(filled, gc));
  const perSpan = 1000 / filled.spans;
  const line = (label: string, pick: (timing: AssemblyTiming) => Cost): number => {
    const cpu = rounds.map((timing) => pick(timing).cpuMs);
    const wall = rounds.map((timing) => pick(timing).wallMs);
    const us = median(cpu) * perSpan;
    console.log(
      `  ${label}: ${us.toFixed(2)} µs/span CPU (spread ${spread(cpu, perSpan)}), ` +
        `wall ${(median(wall) * perSpan).toFixed(2)} (spread ${spread(wall, perSpan)})`,
    );
    return us;
  };
  console.log(`${filled.spans} spans (${filled.records.length} requests), median of ${ROUNDS} rounds:`);
  const total = line('assembly + all checks (target ≤ 1 µs/span)', (timing) => timing.total);
  line('  of which assembly', (timing) => timing.assembly);
  const records = line('peer: same checks over SpanRecords', (timing) => timing.records);
  const bare = line('peer: bare loop over every packed row', (timing) => timing.bare);
  const ratios = rounds.map((timing) => timing.total.cpuMs / timing.records.cpuMs);
  console.log(
    `  in place / record path (CPU): ${median(ratios).toFixed(2)}× (spread ${spread(ratios, 1)}); ` +
      `in place / bare loop: ${(total / bare).toFixed(0)}×; record path ${(records / total).toFixed(1)}× the cost`,
  );
  medians.push(total);
}
if (medians.length > 1) {
  const growth = medians[medians.length - 1]! / medians[0]!;
  console.log(`per-span CPU cost at ${SIZES.at(-1)} / at ${SIZES[0]}: ${growth.toFixed(2)}× (1.00× is linear)`);
}

const otlp: number[] = [];
const inProcess: number[] = [];
for (let round = 0; round < VERDICT_ROUNDS; round++) {
  const overHttp = await otlpTimeToVerdict(REQUESTS);
  // Only spans are posted: no log arrives, so log correlation has nothing to judge.
  assertPassed(overHttp.outcome, 'OTLP verdict', ['log-correlation']);
  otlp.push(overHttp.afterLastSpanMs);
  const local = await inProcessTimeToVerdict(REQUESTS);
  assertPassed(local.outcome, 'in-process verdict', ['log-correlation']);
  inProcess.push(local.afterLastSpanMs);
}
console.log(
  `time to verdict after the last span, ${REQUESTS} requests over OTLP/HTTP: ${median(otlp).toFixed(1)} ms ` +
    `(median of ${VERDICT_ROUNDS}, spread ${spread(otlp, 1)}; target ≤ 1000 ms)`,
);
console.log(
  `time to verdict after the last span, ${REQUESTS} requests in-process: ${median(inProcess).toFixed(1)} ms ` +
    `(median of ${VERDICT_ROUNDS}, spread ${spread(inProcess, 1)}; target ≤ 50 ms)`,
);
