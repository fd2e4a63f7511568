import type { StoreCounters } from '../../harness/collect/store.js';
import type { ReceiverStats } from '../../harness/collect/otlp/receiver-stats.js';

/** What `tracegate receive` reports while it runs and when it stops. */
export interface ReceiveTotals {
  readonly spans: number;
  readonly logs: number;
  readonly traces: number;
  /** Spans and logs refused one by one inside accepted exports (invalid ids, say). */
  readonly spansRejected: number;
  readonly logsRejected: number;
  /** Whole export requests refused: undecodable, too large, unsupported, throttled or unauthorized. */
  readonly requestsRefused: number;
}

/** Totals from the store's counters and the receiver's request outcomes. */
export function receiveTotals(counters: StoreCounters, stats: ReceiverStats): ReceiveTotals {
  return {
    spans: counters.spansReceived,
    logs: counters.logsReceived,
    traces: counters.traces,
    spansRejected: counters.spansRejected,
    logsRejected: counters.logsRejected,
    requestsRefused: stats.badRequest + stats.tooLarge + stats.unsupported + stats.throttled + stats.unauthorized,
  };
}

/** One line, `key=value` pairs so logs can be grepped and parsed. */
export function formatTotals(totals: ReceiveTotals): string {
  return (
    `spans=${totals.spans} logs=${totals.logs} traces=${totals.traces} ` +
    `rejected_spans=${totals.spansRejected} rejected_logs=${totals.logsRejected} refused_requests=${totals.requestsRefused}`
  );
}
