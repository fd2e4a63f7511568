import type { Clock } from './clock.js';
import type { Store } from './collect/store.js';
import type { ReceiverOptions } from './collect/otlp/receiver-options.js';
import type { TraceUntil } from './forest/completion/trace-condition.js';

/** How to start a harness; every field is optional. */
export interface HarnessOptions {
  /** Where received spans and logs go. Default: a new Store (not the shared in-process store). */
  readonly store?: Store;
  /** Receiver settings (host, port, token, limits). Default: 127.0.0.1 on a free port. */
  readonly receiver?: Omit<ReceiverOptions, 'store'>;
  /** Default quiet period of `trace()` and `traces()`. Default 300 ms. */
  readonly quietPeriodMs?: number;
  /** Default deadline of `trace()` and `traces()`. Default 10,000 ms. */
  readonly timeoutMs?: number;
  /** Time source of the waits; tests pass a ManualClock. Default: the system clock. */
  readonly clock?: Clock;
}

/** Options of `harness.trace()` and `harness.traces()`; unset values fall back to the harness's defaults. */
export interface TraceWaitOptions {
  /** What the tree must satisfy before the quiet period counts: a span pattern, a condition or a predicate. */
  readonly until?: TraceUntil;
  readonly quietPeriodMs?: number;
  readonly timeoutMs?: number;
  /** Aborting rejects the wait with the signal's reason. */
  readonly signal?: AbortSignal;
}
