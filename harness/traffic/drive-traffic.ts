import '../dispose.js';
import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import type { TimerHandle } from '../clock.js';
import { createDebug } from '../debug.js';
import { compilePlan, pickEntry } from './_internals/compiled-plan.js';
import type { CompiledPlan } from './_internals/compiled-plan.js';
import { Exchange } from './_internals/exchange.js';
import type { ExchangeDispatchOptions } from './_internals/exchange.js';
import { RecordingHandler } from './_internals/recording-handler.js';
import { RecordTable } from './_internals/record-table.js';
import { requestError } from './_internals/request-error.js';
import { requestHeaders } from './_internals/request-headers.js';
import { runRequestLoop } from './_internals/request-loop.js';
import type { StartRequest } from './_internals/request-loop.js';
import { TraceIdSource } from './_internals/trace-id-source.js';
import type { DriveOptions, ResolvedDriveOptions } from './drive-options.js';
import { resolveDriveOptions } from './drive-options.js';
import { responseCorrelation } from './interceptors/response-correlation.js';
import { responseSizeCap } from './interceptors/response-size-cap.js';
import { traceContext } from './interceptors/trace-context.js';
import type { RequestError, RequestRecord, TrafficResult } from './request-record.js';
import type { TrafficPlan } from './traffic-plan.js';

const debug = createDebug('tracegate:traffic');
const ABORTED: RequestError = { code: 'aborted', message: 'the run was aborted' };

function interceptors(options: ResolvedDriveOptions, ids: TraceIdSource): Dispatcher.DispatcherComposeInterceptor[] {
  const chain = [responseSizeCap(options.maxResponseBytes), responseCorrelation(options.requestIdHeader)];
  // compose() calls the last interceptor first, so trace context is on the request before anything else sees it.
  if (options.propagate) chain.push(traceContext(ids, options.runId));
  return chain;
}

function connectionPool(plan: CompiledPlan, options: ResolvedDriveOptions): Pool {
  // One connection per concurrent request and no pipelining: every request has a connection of its own, as
  // separate clients would, and the in-flight bound is exact.
  return new Pool(plan.origin, {
    connections: plan.concurrency,
    pipelining: 1,
    connect: { timeout: options.connectTimeoutMs },
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
  });
}

/**
 * Sends a plan's requests to its target and records each one. By default every request carries a fresh sampled
 * `traceparent` and tracegate's baggage; with `propagate: false`, no trace context. A failed request is a record,
 * never an exception: only bad arguments (InvalidArgumentError) and throwing callbacks reject.
 */
export async function driveTraffic(plan: TrafficPlan, options?: DriveOptions): Promise<TrafficResult> {
  const resolved = resolveDriveOptions(options);
  const compiled = compilePlan(plan, resolved.runId, resolved.propagate);
  const { clock, keepRecords, onRecord, onProgress, signal } = resolved;
  let records: RequestRecord[] = [];
  const counts = { sent: 0, completed: 0, failed: 0 };
  const result = (durationMs: number): TrafficResult => ({
    records,
    ...counts,
    durationMs,
    runId: resolved.runId,
    seed: resolved.seed,
  });
  if (signal?.aborted === true) return result(0);

  const ids = new TraceIdSource(resolved.seed);
  const pool = connectionPool(compiled, resolved);
  const composed = pool.compose(interceptors(resolved, ids));
  // Bound once: the composed dispatcher is a Proxy, and its trap would run on every request.
  const dispatch = composed.dispatch.bind(composed);
  const unixOffsetMs = performance.timeOrigin + performance.now() - clock.now();
  const table =
    keepRecords || onRecord !== undefined
      ? new RecordTable({ plan: compiled, ids, unixOffsetMs }, compiled.count, keepRecords)
      : undefined;
  let aborted = false;
  let callbackError: { error: unknown } | undefined;
  const finish = (handler: RecordingHandler): void => {
    // Whatever error a request cut off by an abort ends with, the reason it ended is the abort.
    const error =
      handler.failure === undefined ? undefined : aborted ? ABORTED : requestError(handler.failure, resolved);
    if (error === undefined) counts.completed++;
    else counts.failed++;
    table?.add(handler, error);
    if (onRecord !== undefined) guard(() => onRecord(table!.record(handler.exchange.seq)));
  };
  // With one entry there is nothing to pick, and no hash to compute per request.
  const single = compiled.entries.length === 1 ? compiled.entries[0] : undefined;
  const startRequest: StartRequest = (seq, nowMs, done) => {
    counts.sent++;
    const entry = single ?? pickEntry(compiled, ids.mixPoint(seq));
    const exchange = new Exchange(seq, entry);
    const dispatchOptions: ExchangeDispatchOptions = {
      origin: compiled.origin,
      path: entry.path.render(seq),
      method: entry.method,
      headers: requestHeaders(entry, seq),
      body: entry.body === undefined ? null : entry.body.render(seq),
      exchange,
    };
    dispatch(dispatchOptions, new RecordingHandler(exchange, clock, nowMs, finish, done));
  };
  const loop = runRequestLoop(compiled, startRequest, clock);
  // A throwing callback stops the run; the requests in flight end, then driveTraffic rejects with its error.
  function guard(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      callbackError ??= { error };
      // Deferred: undici may fail a request synchronously, while the loop is still being set up.
      queueMicrotask(() => loop.stop());
    }
  }
  let destroyed: Promise<void> | undefined;
  const onAbort = (): void => {
    aborted = true;
    loop.stop();
    // Cuts off the requests in flight; each ends with an error, recorded as `aborted`.
    destroyed ??= pool.destroy();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  let progressTimer: TimerHandle | undefined;
  const reportProgress = (): void => {
    guard(() => onProgress?.({ ...counts }));
    progressTimer = clock.setTimeout(reportProgress, resolved.progressIntervalMs);
  };
  if (onProgress !== undefined) progressTimer = clock.setTimeout(reportProgress, resolved.progressIntervalMs);

  const outcome = await loop.outcome;
  signal?.removeEventListener('abort', onAbort);
  if (progressTimer !== undefined) clock.clearTimeout(progressTimer);
  await (destroyed ??= pool.destroy());
  guard(() => onProgress?.({ ...counts }));
  if (callbackError !== undefined) throw callbackError.error;
  // Requests that were waiting for their turn when the run stopped were never sent; they had the highest numbers.
  if (keepRecords) records = table!.records(counts.sent);
  debug(() => `run ${resolved.runId}: ${counts.sent} sent, ${counts.completed} completed, ${counts.failed} failed`);
  return result(outcome.endMs - outcome.startMs);
}
