import type { Clock } from '../../clock.js';
import { systemClock } from '../../clock.js';
import { InvalidArgumentError } from '../../errors.js';
import type { TraceCondition, TraceUntil } from './trace-condition.js';
import { toTraceCondition } from './trace-condition.js';

/** Options of `waitForTrace` and `waitForTraces`. */
export interface CompletionOptions {
  /** What the tree (each tree, for several traces) must satisfy. Default: at least one span. */
  readonly until?: TraceUntil;
  /** How long no span of the awaited traces may arrive before the wait resolves. Default 300 ms. */
  readonly quietPeriodMs?: number;
  /** Hard deadline; past it the wait rejects with TimeoutError. Default 10,000 ms. */
  readonly timeoutMs?: number;
  /** Aborting rejects the wait with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Time source; tests pass a ManualClock. Default: the system clock. */
  readonly clock?: Clock;
}

export const DEFAULT_QUIET_PERIOD_MS = 300;
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Options with defaults applied and every value checked. */
export interface ResolvedCompletionOptions {
  readonly condition: TraceCondition;
  readonly quietPeriodMs: number;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly clock: Clock;
}

/** Applies defaults and validates; errors name `api` and the value that was wrong. */
export function resolveCompletionOptions(options: CompletionOptions, api: string): ResolvedCompletionOptions {
  const quietPeriodMs = options.quietPeriodMs ?? DEFAULT_QUIET_PERIOD_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (typeof quietPeriodMs !== 'number' || !Number.isFinite(quietPeriodMs) || quietPeriodMs < 0) {
    throw new InvalidArgumentError(`${api}: quietPeriodMs must be a finite number ≥ 0, got ${String(quietPeriodMs)}`);
  }
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new InvalidArgumentError(`${api}: timeoutMs must be a finite number > 0, got ${String(timeoutMs)}`);
  }
  return {
    condition: toTraceCondition(options.until, api),
    quietPeriodMs,
    timeoutMs,
    signal: options.signal,
    clock: options.clock ?? systemClock,
  };
}
