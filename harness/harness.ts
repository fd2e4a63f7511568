import './dispose.js';
import { ErrorCode, InvalidArgumentError, TracegateError } from './errors.js';
import { Store } from './collect/store.js';
import type { Receiver } from './collect/otlp/receiver.js';
import { startReceiver } from './collect/otlp/receiver.js';
import type { CompletionOptions } from './forest/completion/completion-options.js';
import { resolveCompletionOptions } from './forest/completion/completion-options.js';
import { waitForTrace } from './forest/completion/wait-for-trace.js';
import { waitForTraces } from './forest/completion/wait-for-traces.js';
import type { TraceTree } from './forest/trace-tree.js';
import type { HarnessOptions, TraceWaitOptions } from './harness-options.js';
import { rememberOrigin } from './harness-origins.js';

/**
 * A started harness: an OTLP receiver on loopback and the store it writes to, with waits for traces. Close it with
 * `close()`, or let `await using` do so. More members (the traffic driver's `request`) will join this shape.
 */
export interface Harness extends AsyncDisposable {
  /** Base URL for OTEL_EXPORTER_OTLP_ENDPOINT, e.g. `http://127.0.0.1:41234`. */
  readonly otlpEndpoint: string;
  readonly store: Store;
  readonly receiver: Receiver;
  /**
   * Resolves with the trace's tree once `until` holds (default: at least one span) and no span of it has arrived
   * for the quiet period. Rejects with TimeoutError past the deadline, and with TRACEGATE_ERR_CLOSED after close().
   */
  trace(traceId: string, options?: TraceWaitOptions): Promise<TraceTree>;
  /** Like `trace()` for several traces at once: every tree meets `until`, then all stay quiet together. */
  traces(traceIds: readonly string[], options?: TraceWaitOptions): Promise<TraceTree[]>;
  /** Stops the receiver and rejects waits still running; the store stays readable. */
  close(): Promise<void>;
}

const API = 'tracegate.startHarness()';

function checkOptions(options: HarnessOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(`${API}: options must be an object, got ${String(options)}`);
  }
  if (options.store !== undefined && typeof (options.store as Partial<Store>).addSpans !== 'function') {
    throw new InvalidArgumentError(`${API}: store must be a tracegate Store`);
  }
  // Checked now, so a bad default fails at start rather than in the first wait.
  resolveCompletionOptions({ quietPeriodMs: options.quietPeriodMs, timeoutMs: options.timeoutMs }, API);
}

/** Starts a receiver on a free loopback port with a fresh store, and returns the harness that waits on it. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  checkOptions(options);
  const store = options.store ?? new Store();
  const receiver = await startReceiver({ ...options.receiver, store });
  const closing = new AbortController();

  const completion = (wait: TraceWaitOptions, api: string): CompletionOptions => {
    if (closing.signal.aborted) throw new TracegateError(ErrorCode.Closed, `${api}: the harness is closed`);
    if (typeof wait !== 'object' || wait === null) {
      throw new InvalidArgumentError(`${api}: options must be an object, got ${String(wait)}`);
    }
    const signal = wait.signal === undefined ? closing.signal : AbortSignal.any([closing.signal, wait.signal]);
    return {
      until: wait.until,
      quietPeriodMs: wait.quietPeriodMs ?? options.quietPeriodMs,
      timeoutMs: wait.timeoutMs ?? options.timeoutMs,
      signal,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    };
  };

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing.abort(new TracegateError(ErrorCode.Closed, 'tracegate harness: closed while waiting for a trace'));
      await receiver.close();
    })();
    return closed;
  };

  return {
    otlpEndpoint: receiver.url,
    store,
    receiver,
    async trace(traceId, wait = {}) {
      const tree = await waitForTrace(store, traceId, completion(wait, 'tracegate.harness.trace()'));
      rememberOrigin(tree, store);
      return tree;
    },
    async traces(traceIds, wait = {}) {
      const trees = await waitForTraces(store, traceIds, completion(wait, 'tracegate.harness.traces()'));
      for (const tree of trees) rememberOrigin(tree, store);
      return trees;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
