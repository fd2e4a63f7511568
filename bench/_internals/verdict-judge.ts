import { checkInputFromStore } from '../../harness/checks/check-input-from-store.js';
import type { ChecksOutcome } from '../../harness/checks/run-checks.js';
import { runChecks } from '../../harness/checks/run-checks.js';
import type { Store } from '../../harness/collect/store.js';
import { waitForTraces } from '../../harness/forest/completion/wait-for-traces.js';
import type { RequestRecord } from '../../harness/traffic/request-record.js';
import { SPANS_PER_REQUEST } from './verdict-requests.js';

/** A verdict and how long after the last span's arrival it was reached. */
export interface TimedVerdict {
  readonly outcome: ChecksOutcome;
  readonly afterLastSpanMs: number;
}

/**
 * Starts judging `records` before their spans arrive, as a run does: waits (quiet period 0) until every trace has
 * all its spans, then assembles and runs every check. `afterLastSpanMs` counts from the store's notification of
 * the batch that held the last span to the verdict.
 */
export function judgeWhenComplete(store: Store, records: readonly RequestRecord[]): Promise<TimedVerdict> {
  let lastArrivalMs = Number.NaN;
  // Subscribed before the wait, so this listener stamps a batch before the wait reacts to it.
  const unsubscribe = store.subscribe(() => {
    lastArrivalMs = performance.now();
  });
  const traceIds = records.map((record) => record.traceId!);
  const until = (tree: { readonly spanCount: number }): boolean => tree.spanCount >= SPANS_PER_REQUEST;
  return waitForTraces(store, traceIds, { quietPeriodMs: 0, timeoutMs: 60_000, until }).then(() => {
    const outcome = runChecks(checkInputFromStore(store, records));
    const afterLastSpanMs = performance.now() - lastArrivalMs;
    unsubscribe();
    return { outcome, afterLastSpanMs };
  });
}

/** Throws unless every check passed: a benchmark of a wrong verdict measures nothing. */
export function assertPassed(outcome: ChecksOutcome, label: string, maySkip: readonly string[] = []): void {
  const failed = outcome.checks.filter(
    (check) => check.status !== 'pass' && !(check.status === 'skip' && maySkip.includes(check.id)),
  );
  if (failed.length > 0) {
    throw new Error(`${label}: ${failed.map((check) => `${check.id} ${check.status}`).join(', ')} (expected pass)`);
  }
}
