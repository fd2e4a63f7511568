import type { TraceTree } from '../forest/trace-tree.js';
import type { Finding } from '../model/finding.js';
import type { LogRecord } from '../model/log.js';
import type { SpanRecord } from '../model/span.js';
import type { RequestRecord } from '../traffic/request-record.js';
import type { Thresholds } from '../verdict/thresholds.js';

/** What the checks judge: values read once from the driver and the store, never the store itself. */
export interface CheckInput {
  /** The driver's per-request records (`TrafficResult.records`). */
  readonly records: readonly RequestRecord[];
  /** Every trace, assembled (`assembleForest(store.spans(), storeSpanLookup(store))`). */
  readonly forest: ReadonlyMap<string, TraceTree>;
  /** Logs of the services under test (`store.logs()`); default none. */
  readonly logs?: readonly LogRecord[];
  /** Spans that arrived after their trace was judged (see `markJudged`); they classify broken hops as `late`. */
  readonly lateSpans?: readonly SpanRecord[];
  /** Default DEFAULT_THRESHOLDS. */
  readonly thresholds?: Thresholds;
}

/** A check's report section plus the findings it made on the way (they go to `report.findings`). */
export interface CheckResult<Section> {
  readonly section: Section;
  readonly findings: readonly Finding[];
}
