/** An opaque timer handle; only the clock that made it can cancel it. */
export type TimerHandle = { readonly __brand: 'TimerHandle' };

/** Time and timers for everything that waits, so tests can drive time instead of sleeping. */
export interface Clock {
  /** Milliseconds on a monotonic scale; only differences between readings mean anything. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The real clock: `performance.now()` and Node's timers. */
export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs) as unknown as TimerHandle,
  clearTimeout: (handle) => clearTimeout(handle as unknown as NodeJS.Timeout),
};

interface ManualTimer {
  readonly dueMs: number;
  readonly order: number;
  readonly callback: () => void;
}

/** Lets promise continuations (and the timers they schedule) run before time moves on. */
function settleMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A clock that moves only when told to. `advance()` fires due timers in order of due time, then creation, and lets
 * pending promise work run after each, so timers scheduled by that work fire in the same advance when due.
 */
export class ManualClock implements Clock {
  #nowMs: number;
  #nextOrder = 0;
  readonly #timers = new Map<TimerHandle, ManualTimer>();

  constructor(startMs = 0) {
    this.#nowMs = startMs;
  }

  now(): number {
    return this.#nowMs;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const handle = { __brand: 'TimerHandle' } as TimerHandle;
    const dueMs = this.#nowMs + Math.max(0, delayMs);
    this.#timers.set(handle, { dueMs, order: this.#nextOrder++, callback });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers.delete(handle);
  }

  /** Timers scheduled and neither fired nor cleared: a finished wait must leave none. */
  get pendingTimers(): number {
    return this.#timers.size;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const targetMs = this.#nowMs + ms;
    await settleMicrotasks();
    for (let next = this.#nextDue(targetMs); next !== undefined; next = this.#nextDue(targetMs)) {
      this.#timers.delete(next[0]);
      this.#nowMs = next[1].dueMs;
      next[1].callback();
      await settleMicrotasks();
    }
    this.#nowMs = targetMs;
  }

  #nextDue(limitMs: number): [TimerHandle, ManualTimer] | undefined {
    let next: [TimerHandle, ManualTimer] | undefined;
    for (const entry of this.#timers) {
      const timer = entry[1];
      if (timer.dueMs > limitMs) continue;
      if (
        next === undefined ||
        timer.dueMs < next[1].dueMs ||
        (timer.dueMs === next[1].dueMs && timer.order < next[1].order)
      ) {
        next = entry;
      }
    }
    return next;
  }
}
