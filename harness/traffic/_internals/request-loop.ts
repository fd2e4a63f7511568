import type { Clock, TimerHandle } from '../../clock.js';

/** How many requests, for how long, how many at once and how fast. */
export interface LoopLimits {
  /** Infinity when only the duration ends the run. */
  readonly count: number;
  readonly durationMs: number | undefined;
  readonly concurrency: number;
  readonly ratePerSecond: number | undefined;
}

/** Starts request `seq` at clock time `nowMs`; must call `done` exactly once when it has ended, however it ended. */
export type StartRequest = (seq: number, nowMs: number, done: () => void) => void;

/** What the loop did: when it started and ended on the clock, and how many requests it started. */
export interface LoopOutcome {
  readonly startMs: number;
  readonly endMs: number;
  readonly started: number;
}

/**
 * Runs requests 1, 2, … with at most `concurrency` in flight or waiting for their turn. With a rate, request n
 * may start (n−1)/rate s after the loop began and not before; a loop that fell behind catches up at most
 * `concurrency` at a time, so the count sent follows the schedule without bursts beyond that. Requests stop
 * being started at the count, at the duration, or when `stop()` of the returned handle is called; the promise
 * resolves once every started request is done.
 */
export function runRequestLoop(
  limits: LoopLimits,
  start: StartRequest,
  clock: Clock,
): { readonly outcome: Promise<LoopOutcome>; stop(): void } {
  const startMs = clock.now();
  const deadlineMs = limits.durationMs === undefined ? Infinity : startMs + limits.durationMs;
  const intervalMs = limits.ratePerSecond === undefined ? 0 : 1000 / limits.ratePerSecond;
  const waiting = new Set<TimerHandle>();
  let claimed = 0;
  let started = 0;
  let inFlight = 0;
  let stopped = false;
  let freeSlots = 0;
  let draining = false;
  let resolve!: (outcome: LoopOutcome) => void;
  const outcome = new Promise<LoopOutcome>((settle) => (resolve = settle));

  // One callback for every request, not a closure each: the handler that calls it guarantees once per request.
  const done = (): void => {
    inFlight--;
    freeSlots++;
    drain();
  };
  const launch = (seq: number, nowMs: number): void => {
    started++;
    inFlight++;
    start(seq, nowMs, done);
  };

  const claimNext = (): void => {
    if (stopped || claimed >= limits.count) return;
    const seq = claimed + 1;
    const dueMs = startMs + (seq - 1) * intervalMs;
    const nowMs = clock.now();
    if (dueMs >= deadlineMs || nowMs >= deadlineMs) {
      stopped = true;
      return;
    }
    claimed = seq;
    if (dueMs <= nowMs) {
      launch(seq, nowMs);
      return;
    }
    const timer = clock.setTimeout(() => {
      waiting.delete(timer);
      launch(seq, clock.now());
    }, dueMs - nowMs);
    waiting.add(timer);
  };

  // A request that ends synchronously frees its slot while the loop is still starting others; counting free
  // slots and draining them in one loop keeps that from recursing once per request.
  const drain = (): void => {
    if (draining) return;
    draining = true;
    while (freeSlots > 0) {
      freeSlots--;
      claimNext();
    }
    draining = false;
    if (inFlight === 0 && waiting.size === 0) resolve({ startMs, endMs: clock.now(), started });
  };

  freeSlots = limits.concurrency;
  drain();
  return {
    outcome,
    stop: () => {
      stopped = true;
      // Requests still waiting for their turn are never started; they are the latest claimed, so records stay 1..n.
      for (const timer of waiting) clock.clearTimeout(timer);
      waiting.clear();
      drain();
    },
  };
}
