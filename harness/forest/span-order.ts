import type { SpanKind, SpanRecord } from '../model/span.js';
import { SPAN_KINDS } from '../model/span.js';

const KIND_RANK: Readonly<Record<SpanKind, number>> = Object.fromEntries(
  SPAN_KINDS.map((kind, rank) => [kind, rank]),
) as Record<SpanKind, number>;

/** Position of a kind in SPAN_KINDS order; breaks ties between records that share a span id. */
export function kindRank(kind: SpanKind): number {
  return KIND_RANK[kind];
}

/**
 * The canonical order of sibling spans: start time, then span id, then kind. Within one trace (spanId, kind) is
 * unique, so this is a total order and assembly is independent of arrival order.
 */
export function compareSpans(a: SpanRecord, b: SpanRecord): number {
  if (a.startTimeUnixNano !== b.startTimeUnixNano) return a.startTimeUnixNano < b.startTimeUnixNano ? -1 : 1;
  if (a.spanId !== b.spanId) return a.spanId < b.spanId ? -1 : 1;
  return kindRank(a.kind) - kindRank(b.kind);
}

/**
 * Of several records sharing one span id, the one that children and links attach to: the kind that comes first
 * in SPAN_KINDS order (so a server half shared with its client, as Zipkin B3 does, keeps the server's children).
 */
export function primaryRecord(records: readonly SpanRecord[]): SpanRecord | undefined {
  let primary = records[0];
  for (const record of records) {
    if (kindRank(record.kind) < kindRank(primary!.kind)) primary = record;
  }
  return primary;
}
