/**
 * Ingest benchmark: OTLP bodies (512 realistic spans each) posted through the HTTP receiver into the store,
 * against a bare JSON.parse loop and a bare protobufjs decode loop over the same bodies, in the same run.
 * Prints spans/s, the ratios and retained bytes per stored span. Run: npm run bench:ingest
 */
import { Worker } from 'node:worker_threads';
import { startReceiver } from '../harness/collect/otlp/receiver.js';
import { Store } from '../harness/collect/store.js';
import {
  ExportTraceServiceRequest,
  encodeTracesProtobuf,
  toOtlpJson,
  toOtlpProtobufRequest,
} from '../test/support/otlp-proto.js';
import { realisticSpans } from './_internals/realistic-spans.js';

const SPANS_PER_BODY = 512;
const BODIES = Number(process.env.BENCH_BODIES ?? 120);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONCURRENCY = 4;
// The receiver's decodeWorkers option (unset: its default).
const DECODE_WORKERS =
  process.env.BENCH_DECODE_WORKERS === undefined ? undefined : Number(process.env.BENCH_DECODE_WORKERS);
const TOTAL_SPANS = SPANS_PER_BODY * BODIES;

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc (npm run bench:ingest does)');

// Heap plus ArrayBuffer memory: a store that packs spans into typed arrays must not look free.
function retainedBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function best(samples: number[]): number {
  return Math.max(...samples);
}

function spansPerSecond(ms: number): number {
  return TOTAL_SPANS / (ms / 1000);
}

const jsonBodies: Buffer[] = [];
const protobufBodies: Uint8Array[] = [];
for (let i = 0; i < BODIES; i++) {
  const spans = realisticSpans(i, SPANS_PER_BODY);
  jsonBodies.push(Buffer.from(JSON.stringify(toOtlpJson(spans))));
  protobufBodies.push(encodeTracesProtobuf(toOtlpProtobufRequest(spans)));
}
const averageKiB = (bodies: readonly Uint8Array[]): string =>
  (bodies.reduce((sum, body) => sum + body.byteLength, 0) / bodies.length / 1024).toFixed(0);

// Process CPU time in ms (every thread: the receiver's main thread, decode workers, GC helpers, the client).
function processCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Wall time and CPU time of one timed run. */
interface Timing {
  readonly ms: number;
  readonly cpuMs: number;
}

function timeLoop(bodies: readonly Uint8Array[], decode: (body: Uint8Array) => unknown): Timing {
  const cpuStarted = processCpuMs();
  const started = performance.now();
  let sink = 0;
  for (const body of bodies) sink += decode(body) === undefined ? 0 : 1;
  if (sink !== bodies.length) throw new Error('decode returned nothing');
  return { ms: performance.now() - started, cpuMs: processCpuMs() - cpuStarted };
}

async function timeReceiver(
  bodies: readonly Uint8Array[],
  contentType: string,
): Promise<Timing & { store: Store; heapBefore: number }> {
  gc!();
  const heapBefore = retainedBytes();
  const store = new Store();
  const receiver = await startReceiver({
    store,
    ...(DECODE_WORKERS === undefined ? {} : { decodeWorkers: DECODE_WORKERS }),
  });
  const worker = new Worker(new URL('./_internals/post-worker.mjs', import.meta.url), {
    workerData: { url: receiver.tracesUrl, contentType, bodies, concurrency: CONCURRENCY },
  });
  const message = <T>(): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  await message<{ ready: true }>();
  const cpuStarted = processCpuMs();
  const done = message<{ ms: number; clientCpuMs: number }>();
  worker.postMessage('go');
  const { ms, clientCpuMs } = await done;
  // The receiver's CPU time: the process's, less the client thread's own.
  const cpuMs = processCpuMs() - cpuStarted - clientCpuMs;
  await worker.terminate();
  await receiver.close();
  if (store.counters().spansStored !== TOTAL_SPANS) {
    throw new Error(`stored ${store.counters().spansStored} of ${TOTAL_SPANS} spans`);
  }
  return { ms, cpuMs, store, heapBefore };
}

function retainedBytesPerSpan(store: Store, heapBefore: number): number {
  gc!();
  gc!();
  const retained = retainedBytes() - heapBefore;
  return retained / store.counters().spansStored;
}

const results = {
  jsonParse: [] as number[],
  protobufjs: [] as number[],
  json: [] as number[],
  protobuf: [] as number[],
};
// Spans per CPU-second, the same four: less sensitive to other processes than wall time on a shared machine.
const cpu = {
  jsonParse: [] as number[],
  protobufjs: [] as number[],
  json: [] as number[],
  protobuf: [] as number[],
};
function record(name: keyof typeof results, timing: Timing): void {
  results[name].push(spansPerSecond(timing.ms));
  cpu[name].push(spansPerSecond(timing.cpuMs));
}
let bytesPerSpanJson = 0;
let bytesPerSpanProtobuf = 0;
for (let round = 0; round < ROUNDS; round++) {
  record(
    'jsonParse',
    // The body's bytes decoded as UTF-8 and parsed, as a server must; a view, not a copy (Buffer.from(body) would be).
    timeLoop(jsonBodies, (body) =>
      JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')),
    ),
  );
  record(
    'protobufjs',
    timeLoop(protobufBodies, (body) => ExportTraceServiceRequest.decode(body)),
  );
  const json = await timeReceiver(jsonBodies, 'application/json');
  record('json', json);
  bytesPerSpanJson = Math.max(bytesPerSpanJson, retainedBytesPerSpan(json.store, json.heapBefore));
  const protobuf = await timeReceiver(protobufBodies, 'application/x-protobuf');
  record('protobuf', protobuf);
  bytesPerSpanProtobuf = Math.max(bytesPerSpanProtobuf, retainedBytesPerSpan(protobuf.store, protobuf.heapBefore));
}

// Each round times the peer loop and the receiver back to back, so its ratio shares that moment's machine load.
function roundRatios(ours: readonly number[], peer: readonly number[]): number[] {
  return ours.map((value, round) => value / peer[round]!);
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function spread(samples: readonly number[]): string {
  return `median ${median(samples).toFixed(2)}×, rounds ${Math.min(...samples).toFixed(2)}–${Math.max(...samples).toFixed(2)}×`;
}

const format = (value: number): string => `${Math.round(value).toLocaleString('en-US')} spans/s`;
const verdict = (ok: boolean): string => (ok ? 'ok' : 'BELOW TARGET');
const jsonRatio = best(results.json) / best(results.jsonParse);
const protobufRatio = best(results.protobuf) / best(results.protobufjs);
const bytesPerSpan = Math.max(bytesPerSpanJson, bytesPerSpanProtobuf);
console.log(`tracegate ingest benchmark — node ${process.version}, ${ROUNDS} rounds, best of each`);
console.log(
  `${BODIES} bodies × ${SPANS_PER_BODY} spans; JSON ${averageKiB(jsonBodies)} KiB, protobuf ${averageKiB(protobufBodies)} KiB per body`,
);
console.log(`bare JSON.parse loop          ${format(best(results.jsonParse))}`);
console.log(
  `receiver, OTLP/JSON over HTTP ${format(best(results.json))}  ratio ${jsonRatio.toFixed(2)}× (target ≥ 0.80×) ${verdict(jsonRatio >= 0.8)}`,
);
console.log(`bare protobufjs decode loop   ${format(best(results.protobufjs))}`);
console.log(
  `receiver, OTLP/protobuf       ${format(best(results.protobuf))}  ratio ${protobufRatio.toFixed(2)}× (target ≥ 1.00×) ${verdict(protobufRatio >= 1)}`,
);
console.log(
  `per-round ratios: JSON ${spread(roundRatios(results.json, results.jsonParse))}; protobuf ${spread(roundRatios(results.protobuf, results.protobufjs))}`,
);
console.log(
  `per-round CPU-time ratios (spans per CPU-second, receiver less client thread): JSON ${spread(roundRatios(cpu.json, cpu.jsonParse))}; protobuf ${spread(roundRatios(cpu.protobuf, cpu.protobufjs))}`,
);
console.log(
  `retained memory per stored span ${bytesPerSpan.toFixed(0)} bytes (JSON ${bytesPerSpanJson.toFixed(0)}, protobuf ${bytesPerSpanProtobuf.toFixed(0)}; target ≤ 300) ${verdict(bytesPerSpan <= 300)}`,
);
