import type { Clock } from '../../clock.js';
import type { Store } from '../../collect/store.js';
import { TimeoutError } from '../../errors.js';
import { waitForTraces } from '../../forest/completion/wait-for-traces.js';

/** How the wait for the run's traces ended. */
export interface CompletionOutcome {
  /** The deadline passed before every awaited trace had a span and went quiet. */
  readonly deadlineReached: boolean;
  /** Awaited traces that received a span within the quiet period before the deadline: judged on partial data. */
  readonly tracesNotQuiet: number;
  /** Spans of other traces (a hop that restarted the trace, say) were still arriving at the deadline. */
  readonly otherTracesBusy: boolean;
}

export interface CompletionWait {
  readonly quietMs: number;
  readonly timeoutMs: number;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
}

/** Resolves true once no span reached the store for `quietMs`, false when `budgetMs` ran out first. */
function storeQuiet(store: Store, wait: CompletionWait, budgetMs: number): Promise<boolean> {
  const { clock, quietMs } = wait;
  const endMs = clock.now() + Math.max(0, budgetMs);
  return new Promise((resolve) => {
    let spans = store.counters().spansReceived;
    let quietSinceMs = clock.now();
    const tick = (): void => {
      const nowMs = clock.now();
      const current = store.counters().spansReceived;
      if (current !== spans) {
        spans = current;
        quietSinceMs = nowMs;
      }
      if (nowMs - quietSinceMs >= quietMs) return resolve(true);
      if (nowMs >= endMs) return resolve(false);
      clock.setTimeout(tick, Math.min(quietSinceMs + quietMs, endMs) - nowMs);
    };
    tick();
  });
}

/**
 * Waits until every awaited trace has a span and none received one for the quiet period, bounded by the deadline.
 * A trace that stays empty (a request without an entry span) holds the wait until the deadline, but is quiet, so
 * it is judged normally; only traces still receiving spans at the deadline count as harness loss.
 */
export async function awaitCompletion(
  store: Store,
  traceIds: readonly string[],
  wait: CompletionWait,
): Promise<CompletionOutcome> {
  const { clock, quietMs, timeoutMs, signal } = wait;
  if (traceIds.length === 0) {
    // Nothing to await by id (no request was correlated): give late exporters one quiet period.
    const busy = !(await storeQuiet(store, wait, timeoutMs));
    return { deadlineReached: busy, tracesNotQuiet: 0, otherTracesBusy: busy };
  }
  const awaited = new Set(traceIds);
  const lastArrivalMs = new Map<string, number>();
  const startedMs = clock.now();
  const unsubscribe = store.subscribe((touched) => {
    for (const traceId of touched) if (awaited.has(traceId)) lastArrivalMs.set(traceId, clock.now());
  });
  try {
    await waitForTraces(store, [...awaited], {
      quietPeriodMs: quietMs,
      timeoutMs,
      clock,
      ...(signal === undefined ? {} : { signal }),
    });
    // Downstream work that restarted the trace lands in traces nobody awaits: let those settle too.
    const busy = !(await storeQuiet(store, wait, startedMs + timeoutMs - clock.now()));
    return { deadlineReached: busy, tracesNotQuiet: 0, otherTracesBusy: busy };
  } catch (error) {
    // An abort (the first Ctrl-C) ends the wait like the deadline: the run is judged on what arrived.
    if (!(error instanceof TimeoutError) && signal?.aborted !== true) throw error;
    const nowMs = clock.now();
    let tracesNotQuiet = 0;
    for (const arrivedMs of lastArrivalMs.values()) if (nowMs - arrivedMs < quietMs) tracesNotQuiet++;
    return { deadlineReached: true, tracesNotQuiet, otherTracesBusy: false };
  } finally {
    unsubscribe();
  }
}
