import type { Clock } from '../../clock.js';
import type { ReadyProbe } from './_internals/ready-probe.js';

/** How a readiness wait ended. */
export type ReadyOutcome =
  | { readonly outcome: 'ready'; readonly attempts: number; readonly elapsedMs: number }
  | { readonly outcome: 'timeout'; readonly attempts: number; readonly elapsedMs: number; readonly lastProblem: string }
  | { readonly outcome: 'exited'; readonly attempts: number; readonly elapsedMs: number };

export interface ReadyWaitOptions {
  readonly clock: Clock;
  readonly timeoutMs: number;
  /** Settles when the process exited: the wait ends at once. */
  readonly exited: Promise<unknown>;
  /** First pause between attempts, doubling up to `maxDelayMs`; defaults 20 and 500 ms. */
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
}

/** Repeats `probe` with exponential backoff on the injected clock until ready, timed out, or the process exited. */
export async function waitUntilReady(probe: ReadyProbe, options: ReadyWaitOptions): Promise<ReadyOutcome> {
  const { clock, timeoutMs } = options;
  const started = clock.now();
  const elapsed = () => clock.now() - started;
  let exited = false;
  let wake: (() => void) | undefined;
  void options.exited.then(() => {
    exited = true;
    wake?.();
  });
  const unsubscribe = probe.subscribe?.(() => wake?.());
  // Resolves after `ms`, or earlier on exit or a probe's wake-up; the timer never outlives the pause.
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      const finish = () => {
        clock.clearTimeout(timer);
        wake = undefined;
        resolve();
      };
      const timer = clock.setTimeout(finish, ms);
      wake = finish;
    });
  let attempts = 0;
  let delay = options.initialDelayMs ?? 20;
  let lastProblem = 'no attempt finished';
  try {
    for (;;) {
      if (exited) return { outcome: 'exited', attempts, elapsedMs: elapsed() };
      const controller = new AbortController();
      // An attempt may take no longer than the time left: a hung probe must not hold the wait past its deadline.
      const attempt = probe.attempt(controller.signal);
      const timedOut = pause(Math.max(0, timeoutMs - elapsed())).then(() => 'attempt did not finish in time');
      const problem = await Promise.race([attempt, timedOut]);
      wake?.();
      controller.abort();
      attempts++;
      if (problem === undefined) return { outcome: 'ready', attempts, elapsedMs: elapsed() };
      lastProblem = problem;
      if (exited) return { outcome: 'exited', attempts, elapsedMs: elapsed() };
      const left = timeoutMs - elapsed();
      if (left <= 0) return { outcome: 'timeout', attempts, elapsedMs: elapsed(), lastProblem };
      await pause(Math.min(delay, left));
      delay = Math.min(delay * 2, options.maxDelayMs ?? 500);
    }
  } finally {
    unsubscribe?.();
  }
}
