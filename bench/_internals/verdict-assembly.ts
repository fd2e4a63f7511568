import { checkInputFromStore } from '../../harness/checks/check-input-from-store.js';
import { runChecks } from '../../harness/checks/run-checks.js';
import { Store } from '../../harness/collect/store.js';
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

/** Milliseconds of assembly alone and of assembly plus every check, end to end from the store. */
export interface AssemblyTiming {
  readonly assemblyMs: number;
  readonly totalMs: number;
}

/** Times `checkInputFromStore` alone, then `checkInputFromStore` + `runChecks`, once each. */
export function timeAssemblyAndChecks(filled: FilledStore, gc: () => void): AssemblyTiming {
  const assemblyMs = timeAssembly(filled, gc);
  gc();
  const started = performance.now();
  const outcome = runChecks(checkInputFromStore(filled.store, filled.records));
  const totalMs = performance.now() - started;
  assertPassed(outcome, 'assembly + checks');
  return { assemblyMs, totalMs };
}

// Its own function, so the forest it builds is garbage before the next measurement starts.
function timeAssembly({ store, records }: FilledStore, gc: () => void): number {
  gc();
  const started = performance.now();
  const input = checkInputFromStore(store, records);
  const assemblyMs = performance.now() - started;
  if (input.forest.size !== records.length) throw new Error(`assembled ${input.forest.size} traces`);
  return assemblyMs;
}
