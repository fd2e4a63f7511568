import type { RequestRecord } from '../traffic/request-record.js';
import type { EdgeSpec } from './parse-edge.js';

/** How the checks read the input; every field has a documented default (docs/checks.md). */
export interface CheckOptions {
  /** Span kinds that count as a request's entry span. Default `['server']`; add `'consumer'` for queue-fed entries. */
  readonly entryKinds?: readonly ('server' | 'consumer')[];
  /** Edges to judge: `'api>worker'` (child or link), `'api>worker:child'`, or objects. Default: inferred. */
  readonly edges?: readonly (string | EdgeSpec)[];
  /** Also judge edges seen in the service graph. Default: true when `edges` is empty, false otherwise. */
  readonly inferEdges?: boolean;
  /** Most examples per row. Default 5. */
  readonly exampleLimit?: number;
  /** How long after an upstream span a restarted downstream span may start to be tied to it by timing. Default 10 s. */
  readonly attributionWindowMs?: number;
  /** Clock skew allowed when a request without trace context is tied to an entry span by timing. Default 100 ms. */
  readonly timingSkewMs?: number;
  /** Span attributes holding the request-id header, for `request-id` correlation. */
  readonly requestIdAttributes?: readonly string[];
  /** Declared failures besides HTTP status ≥ 500. */
  readonly isFailure?: (record: RequestRecord) => boolean;
  /** Words that identify a request in log text (an order id, say), besides its trace id and request id. */
  readonly requestKeys?: (record: RequestRecord) => readonly string[];
  /** Distinct span names of one service and kind that share a template before it is a cardinality finding. Default 10. */
  readonly nameCardinalityLimit?: number;
}
