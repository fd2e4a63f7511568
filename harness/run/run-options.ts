import type { Clock } from '../clock.js';
import type { Receiver } from '../collect/otlp/receiver.js';
import type { ProgressStream } from '../traffic/progress/progress-display.js';

/** How `runScenario` runs; every field is optional. */
export interface RunScenarioOptions {
  /** A running receiver to collect into (its store may be shared). Default: a fresh one on loopback, closed after. */
  readonly receiver?: Receiver;
  /** Port of the receiver runScenario starts; 0 picks a free one. Default 0. */
  readonly otlpPort?: number;
  /** Where the progress display goes; `false` shows none. Default `process.stderr`. */
  readonly progress?: ProgressStream | false;
  /** Environment services inherit and the progress display reads (`CI`, `NO_COLOR`). Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Aborting stops the traffic and the wait; the run is then judged on what it has. */
  readonly signal?: AbortSignal;
  /** Names the run in baggage (`tracegate.run`) and the report. Default: 16 random hex digits. */
  readonly runId?: string;
  /** Written into the report as `tracegateVersion`. Default: read from tracegate's package.json. */
  readonly tracegateVersion?: string;
  /** Most example traces the report carries; the rest are counted in `tracesOmitted`. Default 20. */
  readonly maxExampleTraces?: number;
  /** Time source for waits and durations. Default: the system clock. */
  readonly clock?: Clock;
}

export const DEFAULT_MAX_EXAMPLE_TRACES = 20;
