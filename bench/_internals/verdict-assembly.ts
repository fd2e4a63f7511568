import { checkInputFromStore } from '../../harness/checks/check-input-from-store.js';
import { runChecks } from '../../harness/checks/run-checks.js';
import { BITS, NEXT_IN_TRACE, NO_ROW, base } from '../../harness/collect/span-table/span-rows.js';
import { STORE_SPAN_TABLE } from '../../harness/collect/span-table/store-span-table.js';
import { Store } from '../../harness/collect/store.js';
import { assembleStoreForest } from '../../harness/forest/assemble-store-forest.js';
import type { RequestRecord } from '../../harness/traffic/request-record.js';
import { assertPassed } from './verdict-judge.js';
import { SPANS_PER_REQUEST, exportBatches, requestLog, requestRecord } from './verdict-requests.js';

/** A store filled the way ingest fills it, and the driver's records for the same requests. */
export interface FilledStore {
  readonly store: Store;
  readonly records: readonly RequestRecord[];
  readonly spans: number;
}

/** Fills a store with at least `spans` spans (whole requests), in export batches, with one log per request. */
export function fillStore(spans: number): FilledStore {
  const requests = Math.ceil(spans / SPANS_PER_REQUEST);
  const store = new Store();
  for (const batch of exportBatches(1, requests)) store.addSpans(batch);
  const records: RequestRecord[] = [];
  const logs = [];
  for (let seq = 1; seq <= requests; seq++) {
    records.push(requestRecord(seq));
    logs.push(requestLog(seq));
  }
  store.addLogs(logs);
  return { store, records, spans: store.counters().spansStored };
}

/** CPU milliseconds (the process's user + system time) and wall milliseconds of one run. */
export interface Cost {
  readonly cpuMs: number;
  readonly wallMs: number;
}

/** One round of each way to reach a verdict over the same store. */
export interface AssemblyTiming {
  /** checkInputFromStore alone. */
  readonly assembly: Cost;
  /** checkInputFromStore + runChecks: spans read in place from the packed rows. */
  readonly total: Cost;
  /** The same checks over records: assembleStoreForest (a fresh SpanRecord per span) + runChecks. */
  readonly records: Cost;
  /** Peer: a bare loop that walks every trace's rows and reads one word of each. */
  readonly bare: Cost;
}

// CPU time besides wall time: on a shared machine the wait for a core would drown what the code costs. It counts
// the collector's helper threads too, as a core of its own would.
async function timed(gc: () => void, run: () => void): Promise<Cost> {
  gc();
  // The collector's helper threads finish sweeping after gc() returns: let them, or the run pays for it.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const cpu = process.cpuUsage();
  const started = performance.now();
  run();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs };
}

/** Times each way once, after a collection each, and checks that every verdict passed. */
export async function timeAssemblyAndChecks(filled: FilledStore, gc: () => void): Promise<AssemblyTiming> {
  const { store, records } = filled;
  const bare = await timed(gc, () => bareLoop(store));
  const assembly = await timed(gc, () => {
    const input = checkInputFromStore(store, records);
    if (input.forest.size !== records.length) throw new Error(`assembled ${input.forest.size} traces`);
  });
  const total = await timed(gc, () =>
    assertPassed(runChecks(checkInputFromStore(store, records)), 'assembly + checks'),
  );
  const recordPath = await timed(gc, () => {
    const outcome = runChecks({ records, forest: assembleStoreForest(store), logs: store.logs() });
    assertPassed(outcome, 'record path');
  });
  return { assembly, total, records: recordPath, bare };
}

// Touches every stored span's row once, trace by trace, as assembly must at the least.
function bareLoop(store: Store): void {
  const { rows, traces } = store[STORE_SPAN_TABLE]().parts;
  let sum = 0;
  for (let trace = 0; trace < traces.count; trace++) {
    for (let row = traces.firstRow[trace]!; row !== NO_ROW;) {
      const words = rows.chunk(row).words;
      const at = base(row);
      sum ^= words[at + BITS]!;
      row = words[at + NEXT_IN_TRACE]!;
    }
  }
  if (sum === 0x7fffffff) console.log('');
}
