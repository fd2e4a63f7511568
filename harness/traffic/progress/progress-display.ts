import type { Clock, TimerHandle } from '../../clock.js';
import { systemClock } from '../../clock.js';
import type { TrafficProgress } from '../request-record.js';
import type { ProgressCounter } from './progress-meter.js';
import { ProgressMeter } from './progress-meter.js';
import { renderProgressBar, renderProgressLine } from './render-progress.js';

/** Where progress goes: a terminal (`isTTY`, `columns`) or anything else that takes text. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** How to show progress; every field is optional. */
export interface ProgressDisplayOptions {
  /** Default `process.stderr`, so progress never mixes with output a pipeline reads from stdout. */
  readonly stream?: ProgressStream;
  /** Read for `NO_COLOR`, `CI` and `TERM`. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Requests planned, for the bar and `n/total`. */
  readonly total?: number;
  /** Planned duration in ms, for the bar when the run is bounded by time. */
  readonly plannedMs?: number;
  /** Extra counts to show, read at every redraw (spans received, traces complete, …). */
  readonly counters?: () => readonly ProgressCounter[];
  /** Redraw interval of the bar. Default 100 ms. */
  readonly barIntervalMs?: number;
  /** Interval of plain lines. Default 5,000 ms. */
  readonly lineIntervalMs?: number;
  readonly clock?: Clock;
}

/** A running progress display. */
export interface ProgressDisplay {
  /** `bar` rewrites one line on a terminal; `lines` appends plain lines. */
  readonly mode: 'bar' | 'lines';
  /** Takes the driver's counts: pass it as driveTraffic's `onProgress`. */
  readonly update: (progress: TrafficProgress) => void;
  /**
   * Shows the final counts (average rate of the whole run) and stops redrawing; until then its timer keeps the
   * process alive.
   */
  stop(): void;
}

const REWRITE_LINE = '\r\x1b[2K';
const DEFAULT_COLUMNS = 80;

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * `bar` only on an interactive terminal: under `NO_COLOR`, in CI or on a dumb terminal the display falls back to
 * plain lines, which every log viewer shows as they are.
 */
export function progressMode(
  stream: ProgressStream,
  env: Readonly<Record<string, string | undefined>>,
): 'bar' | 'lines' {
  const interactive = stream.isTTY === true && env['TERM'] !== 'dumb';
  return interactive && !isSet(env['NO_COLOR']) && !isSet(env['CI']) ? 'bar' : 'lines';
}

/** Starts showing a run's progress: a bar redrawn in place on a terminal, a plain line every few seconds otherwise. */
export function startProgressDisplay(options: ProgressDisplayOptions = {}): ProgressDisplay {
  const stream = options.stream ?? process.stderr;
  const clock = options.clock ?? systemClock;
  const mode = progressMode(stream, options.env ?? process.env);
  const counters = options.counters ?? (() => []);
  const meter = new ProgressMeter(clock.now(), { total: options.total, plannedMs: options.plannedMs });
  const intervalMs = mode === 'bar' ? (options.barIntervalMs ?? 100) : (options.lineIntervalMs ?? 5_000);
  let lastLine = '';
  let timer: TimerHandle | undefined;
  let stopped = false;

  const draw = (final: boolean): void => {
    const view = meter.view(clock.now(), counters(), final);
    if (mode === 'bar') {
      stream.write(`${REWRITE_LINE}${renderProgressBar(view, stream.columns ?? DEFAULT_COLUMNS)}${final ? '\n' : ''}`);
      return;
    }
    const line = renderProgressLine(view);
    if (line !== lastLine) stream.write(`${line}\n`);
    lastLine = line;
  };
  const tick = (): void => {
    draw(false);
    timer = clock.setTimeout(tick, intervalMs);
  };
  timer = clock.setTimeout(tick, intervalMs);
  return {
    mode,
    update: (progress) => {
      if (!stopped) meter.observe(progress.completed + progress.failed, progress.failed, clock.now());
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      draw(true);
    },
  };
}
