import type { Clock, TimerHandle } from '../../clock.js';
import type { Store } from '../../collect/store.js';
import { completionStep } from './completion-decision.js';
import type { CompletionView } from './completion-decision.js';

/** How the wait for the run's traces ended. */
export interface CompletionOutcome {
  /** The deadline (or an abort) came before the store went quiet. */
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

/**
 * Waits, after the traffic, until no span reached the store for the quiet period, bounded by the deadline (see
 * `completionStep`). A request whose trace never gets a span does not hold the wait: it is judged missing.
 */
export function awaitCompletion(
  store: Store,
  traceIds: readonly string[],
  wait: CompletionWait,
): Promise<CompletionOutcome> {
  const { clock, quietMs, timeoutMs, signal } = wait;
  const awaited = new Set(traceIds);
  const awaitedLastSpanMs = new Map<string, number>();
  const startedMs = clock.now();
  let lastSpanMs: number | undefined;
  let spansSeen = store.counters().spansReceived;
  const view = (): CompletionView => ({ startedMs, quietMs, timeoutMs, lastSpanMs, awaitedLastSpanMs });

  return new Promise((resolve) => {
    let timer: TimerHandle | undefined;
    const unsubscribe = store.subscribe((touched) => {
      // Log batches touch traces too; only spans move the quiet period.
      const spans = store.counters().spansReceived;
      if (spans === spansSeen) return;
      spansSeen = spans;
      lastSpanMs = clock.now();
      for (const traceId of touched) if (awaited.has(traceId)) awaitedLastSpanMs.set(traceId, lastSpanMs);
    });
    const finish = (outcome: CompletionOutcome): void => {
      unsubscribe();
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    // An abort (the first Ctrl-C) ends the wait like the deadline: the run is judged on what arrived.
    const onAbort = (): void => check(true);
    const check = (stopped: boolean): void => {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      const step = completionStep(view(), clock.now(), stopped);
      if (step.done) return finish(step.outcome);
      timer = clock.setTimeout(() => check(false), step.nextCheckMs - clock.now());
    };
    if (signal?.aborted === true) return check(true);
    signal?.addEventListener('abort', onAbort, { once: true });
    check(false);
  });
}
