import type { Store } from '../collect/store.js';
import type { SpanRecord } from '../model/span.js';

/**
 * Finds a span anywhere (any trace) by id, for link resolution. A reused span id answers with its primary
 * record (see `primaryRecord`).
 */
export type SpanLookup = (traceId: string, spanId: string) => SpanRecord | undefined;

/** A lookup over everything a store holds. */
export function storeSpanLookup(store: Store): SpanLookup {
  return (traceId, spanId) => store.span(traceId, spanId);
}
