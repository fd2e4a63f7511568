import type { TraceTree } from '../trace-tree.js';
import type { CompletionOptions } from './completion-options.js';
import { resolveCompletionOptions } from './completion-options.js';
import { normalizeTraceId } from './_internals/normalize-trace-id.js';
import type { CompletionSource } from './completion-source.js';
import { watchTraces } from './_internals/watch-traces.js';

const API = 'tracegate.waitForTrace()';

/**
 * Waits until the trace satisfies `options.until` and no span of it has arrived for the quiet period, then
 * resolves with its tree. Rejects with TimeoutError past `timeoutMs`, or with the signal's reason on abort.
 */
export async function waitForTrace(
  store: CompletionSource,
  traceId: string,
  options: CompletionOptions = {},
): Promise<TraceTree> {
  const id = normalizeTraceId(traceId, API);
  const [tree] = await watchTraces(API, store, [id], resolveCompletionOptions(options, API));
  return tree!;
}
