import { InvalidArgumentError } from '../../errors.js';
import type { TraceTree } from '../trace-tree.js';
import type { CompletionOptions } from './completion-options.js';
import { resolveCompletionOptions } from './completion-options.js';
import { normalizeTraceId } from './_internals/normalize-trace-id.js';
import type { CompletionSource } from './completion-source.js';
import { watchTraces } from './_internals/watch-traces.js';

const API = 'tracegate.waitForTraces()';

/**
 * Waits until every trace satisfies `options.until` and none has received a span for the quiet period, then
 * resolves with their trees in the order of `traceIds`.
 */
export async function waitForTraces(
  store: CompletionSource,
  traceIds: readonly string[],
  options: CompletionOptions = {},
): Promise<TraceTree[]> {
  if (!Array.isArray(traceIds) || traceIds.length === 0) {
    throw new InvalidArgumentError(`${API}: traceIds must be a non-empty array of trace ids`);
  }
  const ids = traceIds.map((traceId) => normalizeTraceId(traceId, API));
  return watchTraces(API, store, ids, resolveCompletionOptions(options, API));
}
