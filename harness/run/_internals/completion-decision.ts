import type { CompletionOutcome } from './await-completion.js';

/** What the wait for a run's traces has seen so far, on the injected clock's scale. */
export interface CompletionView {
  /** When the wait began: the traffic is over by then. */
  readonly startedMs: number;
  readonly quietMs: number;
  readonly timeoutMs: number;
  /** When a span last reached the store (any trace), or undefined if none has since the wait began. */
  readonly lastSpanMs: number | undefined;
  /** When each awaited trace last received a span; traces that have none are absent. */
  readonly awaitedLastSpanMs: ReadonlyMap<string, number>;
}

/** The wait goes on until `nextCheckMs` (unless a span moves the quiet period), or it is over. */
export type CompletionStep =
  { readonly done: false; readonly nextCheckMs: number } | { readonly done: true; readonly outcome: CompletionOutcome };

/**
 * Decides whether the wait is over. It ends once no span reached the store for `quietMs` since the traffic ended:
 * every awaited trace is then quiet too, and downstream work that restarted a trace has settled. Traces still
 * without spans then are judged missing (a request without an entry span), not harness loss. Only at the deadline
 * (or on `stopped`, an abort) is the run judged on partial data; awaited traces that received a span within the
 * quiet period before it are counted as not quiet.
 */
export function completionStep(view: CompletionView, nowMs: number, stopped = false): CompletionStep {
  const { startedMs, quietMs, timeoutMs, lastSpanMs, awaitedLastSpanMs } = view;
  // The quiet period starts no earlier than the end of the traffic: the last responses' spans are still in batches.
  const quietEndMs = Math.max(startedMs, lastSpanMs ?? startedMs) + quietMs;
  const deadlineMs = startedMs + timeoutMs;
  if (nowMs >= quietEndMs) {
    return { done: true, outcome: { deadlineReached: false, tracesNotQuiet: 0, otherTracesBusy: false } };
  }
  if (nowMs < deadlineMs && !stopped) return { done: false, nextCheckMs: Math.min(quietEndMs, deadlineMs) };
  let tracesNotQuiet = 0;
  for (const arrivedMs of awaitedLastSpanMs.values()) if (nowMs - arrivedMs < quietMs) tracesNotQuiet++;
  const storeBusy = lastSpanMs !== undefined && nowMs - lastSpanMs < quietMs;
  return {
    done: true,
    outcome: { deadlineReached: true, tracesNotQuiet, otherTracesBusy: storeBusy && tracesNotQuiet === 0 },
  };
}
