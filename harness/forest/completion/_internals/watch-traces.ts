import type { TimerHandle } from '../../../clock.js';
import { TimeoutError } from '../../../errors.js';
import { assembleTrace } from '../../assemble-trace.js';
import type { TraceTree } from '../../trace-tree.js';
import type { ResolvedCompletionOptions } from '../completion-options.js';
import type { CompletionSource } from '../completion-source.js';
import { timeoutMessage } from './timeout-message.js';

/**
 * Resolves with one tree per id (in the order given) once every tree meets the condition and none of the traces
 * has received a span for the quiet period. Re-checks after each store change that touches an awaited trace and
 * when the quiet period runs out, never on a polling interval. Every exit path removes the listener, both
 * timers and the abort handler.
 */
export function watchTraces(
  api: string,
  source: CompletionSource,
  traceIds: readonly string[],
  options: ResolvedCompletionOptions,
): Promise<TraceTree[]> {
  const { clock, condition, quietPeriodMs, timeoutMs, signal } = options;
  if (signal?.aborted === true) return Promise.reject(signal.reason as Error);
  return new Promise<TraceTree[]>((resolve, rejectWith) => {
    // Whatever a flush or a condition throws is passed on as it is; the type only documents the usual case.
    const reject: (reason: Error) => void = rejectWith;
    const awaited = new Set(traceIds);
    const startedMs = clock.now();
    const lastArrivalMs = new Map<string, number>();
    // Spans stored before the wait began arrived at an unknown time, so the quiet period counts from the start.
    let quietSinceMs = startedMs;
    let quietTimer: TimerHandle | undefined;
    let checking = false;
    let recheck = false;
    let settled = false;

    const assemble = (): TraceTree[] => {
      const lookup = (traceId: string, spanId: string) => source.span(traceId, spanId);
      return traceIds.map((traceId) => assembleTrace(traceId, source.trace(traceId), lookup));
    };

    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      unsubscribe();
      clock.clearTimeout(deadline);
      if (quietTimer !== undefined) clock.clearTimeout(quietTimer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };

    const evaluate = (): void => {
      if (quietTimer !== undefined) clock.clearTimeout(quietTimer);
      quietTimer = undefined;
      const trees = assemble();
      if (!trees.every((tree) => condition.test(tree))) return; // the next span that arrives re-checks
      const quietLeftMs = quietSinceMs + quietPeriodMs - clock.now();
      if (quietLeftMs <= 0) finish(() => resolve(trees));
      else quietTimer = clock.setTimeout(() => void check(), quietLeftMs);
    };

    // Flushing can store spans, whose notification lands here while a check is running: it is re-run, not nested.
    const check = async (): Promise<void> => {
      if (checking) {
        recheck = true;
        return;
      }
      checking = true;
      try {
        do {
          recheck = false;
          await source.flush();
          if (!settled) evaluate();
        } while (recheck && !settled);
      } catch (error) {
        finish(() => reject(error as Error));
      } finally {
        checking = false;
      }
    };

    const onTimeout = (): void => {
      try {
        const nowMs = clock.now();
        const progress = assemble().map((tree) => {
          const lastMs = lastArrivalMs.get(tree.traceId);
          const sinceLastSpanMs = lastMs === undefined ? undefined : nowMs - lastMs;
          return { tree, conditionMet: condition.test(tree), sinceLastSpanMs };
        });
        const awaitedCompletion = { api, description: condition.description, quietPeriodMs, timeoutMs };
        const message = timeoutMessage(awaitedCompletion, progress);
        finish(() => reject(new TimeoutError(message)));
      } catch (error) {
        finish(() => reject(error as Error));
      }
    };

    const onAbort = (): void => finish(() => reject(signal!.reason as Error));

    const unsubscribe = source.subscribe((touched) => {
      let relevant = false;
      for (const traceId of touched) {
        if (!awaited.has(traceId)) continue;
        relevant = true;
        lastArrivalMs.set(traceId, clock.now());
      }
      if (!relevant) return;
      quietSinceMs = clock.now();
      void check();
    });
    const deadline = clock.setTimeout(onTimeout, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    void check();
  });
}
