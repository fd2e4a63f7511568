/** A count the caller adds to the progress display, e.g. spans received or traces complete. */
export interface ProgressCounter {
  readonly label: string;
  readonly value: number;
}

/** Everything one rendering of the progress shows; rendering is a pure function of it. */
export interface ProgressView {
  /** Requests that ended, with a response or an error. */
  readonly done: number;
  readonly failed: number;
  /** Requests planned, when the run is bounded by a count. */
  readonly total: number | undefined;
  readonly elapsedMs: number;
  /** The run's planned duration, when it is bounded by time. */
  readonly plannedMs: number | undefined;
  /** Requests ending per second, over the last few seconds. */
  readonly ratePerSecond: number;
  readonly counters: readonly ProgressCounter[];
}

interface Sample {
  readonly atMs: number;
  readonly done: number;
}

// Long enough to smooth over a slow response or two, short enough to show a target slowing down.
const RATE_WINDOW_MS = 5_000;

/** The state behind a progress display: counts as they arrive and a rate over a sliding window. */
export class ProgressMeter {
  readonly #startMs: number;
  readonly #samples: Sample[] = [];
  #done = 0;
  #failed = 0;

  constructor(
    startMs: number,
    private readonly plan: { readonly total?: number | undefined; readonly plannedMs?: number | undefined } = {},
  ) {
    this.#startMs = startMs;
    this.#samples.push({ atMs: startMs, done: 0 });
  }

  /** Takes the driver's counts at clock time `nowMs`. */
  observe(done: number, failed: number, nowMs: number): void {
    this.#done = done;
    this.#failed = failed;
    this.#samples.push({ atMs: nowMs, done });
    // Keep the latest sample at or before the window's start: it says how many had ended when the window began.
    while (this.#samples.length > 1 && this.#samples[1]!.atMs <= nowMs - RATE_WINDOW_MS) this.#samples.shift();
  }

  /** What to show at clock time `nowMs`; `final` shows the average rate of the whole run instead of the recent one. */
  view(nowMs: number, counters: readonly ProgressCounter[], final = false): ProgressView {
    const elapsedMs = nowMs - this.#startMs;
    const windowMs = final ? elapsedMs : Math.min(elapsedMs, RATE_WINDOW_MS);
    const doneBefore = final ? 0 : this.#doneAt(nowMs - windowMs);
    return {
      done: this.#done,
      failed: this.#failed,
      total: this.plan.total,
      elapsedMs,
      plannedMs: this.plan.plannedMs,
      ratePerSecond: windowMs <= 0 ? 0 : ((this.#done - doneBefore) * 1000) / windowMs,
      counters,
    };
  }

  /** How many requests had ended at clock time `atMs`, as far as the samples kept tell. */
  #doneAt(atMs: number): number {
    let done = 0;
    for (const sample of this.#samples) {
      if (sample.atMs > atMs) break;
      done = sample.done;
    }
    return done;
  }
}
