/**
 * Driver benchmark: tracegate's traffic driver (propagation on, every record kept) against autocannon, all
 * driving the same node:http target in a child process, alternating rounds of the same length and connection
 * count (pipelining 1). autocannon runs twice per round: bare, and sending the headers tracegate's requests
 * carry (traceparent, baggage, connection) at the same sizes, so the target parses the same bytes per request.
 * Prints responses/s and the ratios (target ≥ 0.90×): the headline is the median of each round's ratio, because
 * the tools of one round run back to back and so share the machine's load, which on a shared machine drifts more
 * than the tools differ. Also prints each tool's CPU time per response, which load disturbs far less.
 * Run: npm run bench:driver
 */
import { driveTraffic } from '../harness/traffic/index.js';
import { autocannonRate } from './_internals/driver-autocannon.js';
import { startTargetProcess } from './_internals/driver-target-process.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const RUN_ID = '0123456789abcdef';
// What tracegate's requests carry beyond autocannon's, with fixed ids: the same names and sizes. (undici also
// sends `connection: keep-alive`, which HTTP/1.1 implies and autocannon leaves out.)
const TRACE_HEADERS = {
  connection: 'keep-alive',
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  baggage: `tracegate.run=${RUN_ID},tracegate.req=12345`,
};

type Tool = 'tracegate' | 'autocannon' | 'autocannonWithHeaders';
interface Run {
  readonly perSecond: number;
  readonly responses: number;
  readonly failures: number;
}

async function tracegateRate(url: string, seconds: number): Promise<Run> {
  const result = await driveTraffic(
    { target: url, requests: [{ method: 'GET', path: '/' }], durationMs: seconds * 1000, concurrency: CONNECTIONS },
    { seed: 1, runId: RUN_ID },
  );
  if (result.records.length !== result.sent) throw new Error(`kept ${result.records.length} of ${result.sent} records`);
  const nonOk = result.records.filter((record) => record.status !== 200).length;
  return {
    perSecond: result.completed / (result.durationMs / 1000),
    responses: result.completed,
    failures: result.failed + nonOk,
  };
}

/** One round of one tool, with the CPU time this process spent per response (both clients run in it). */
async function measure(tool: Tool, url: string, seconds: number): Promise<Run & { cpuMicrosPerResponse: number }> {
  const cpu = process.cpuUsage();
  const run =
    tool === 'tracegate'
      ? await tracegateRate(url, seconds)
      : await autocannonRate(url, CONNECTIONS, seconds, tool === 'autocannon' ? {} : TRACE_HEADERS);
  const used = process.cpuUsage(cpu);
  return { ...run, cpuMicrosPerResponse: (used.user + used.system) / run.responses };
}

const TOOLS: readonly Tool[] = ['tracegate', 'autocannonWithHeaders', 'autocannon'];
const target = await startTargetProcess();
const rates: Record<Tool, number[]> = { tracegate: [], autocannon: [], autocannonWithHeaders: [] };
const cpuCosts: Record<Tool, number[]> = { tracegate: [], autocannon: [], autocannonWithHeaders: [] };
let failures = 0;
try {
  // One short round each first, so none is measured while still being compiled.
  for (const tool of TOOLS) await measure(tool, target.url, 1);
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate which goes first, so a trend in the machine's load does not favour one of them.
    for (let i = 0; i < TOOLS.length; i++) {
      const tool = TOOLS[(round + i) % TOOLS.length]!;
      const run = await measure(tool, target.url, SECONDS);
      rates[tool].push(run.perSecond);
      cpuCosts[tool].push(run.cpuMicrosPerResponse);
      failures += run.failures;
    }
  }
} finally {
  await target.stop();
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const best = (tool: Tool): number => Math.max(...rates[tool]);
const format = (value: number): string => `${Math.round(value).toLocaleString('en-US')} req/s`;
const row = (label: string, tool: Tool): string =>
  `${label.padEnd(40)} best ${format(best(tool)).padStart(12)}  median ${format(median(rates[tool])).padStart(12)}` +
  `  client CPU ${median(cpuCosts[tool]).toFixed(1)} µs/response`;
const ratio = (other: Tool): string => {
  const paired = median(rates.tracegate.map((rate, round) => rate / rates[other][round]!));
  const ofBest = best('tracegate') / best(other);
  return `${paired.toFixed(2)}× (median of rounds; best to best ${ofBest.toFixed(2)}×) ${paired >= 0.9 ? 'ok' : 'BELOW TARGET'}`;
};
console.log(
  `tracegate driver benchmark — node ${process.version}, ${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections, pipelining 1`,
);
console.log(row('tracegate driver (propagation, records)', 'tracegate'));
console.log(row('autocannon 8, same headers', 'autocannonWithHeaders'));
console.log(row('autocannon 8, bare requests', 'autocannon'));
console.log(`ratio to autocannon with the same headers: ${ratio('autocannonWithHeaders')} (target ≥ 0.90×)`);
console.log(`ratio to bare autocannon:                  ${ratio('autocannon')}`);
for (const tool of TOOLS) console.log(`  ${tool}: ${rates[tool].map(format).join(', ')}`);
if (failures > 0) console.log(`WARNING: ${failures} failed or non-200 responses across all rounds`);
