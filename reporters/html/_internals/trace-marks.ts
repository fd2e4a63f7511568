import type { ReportCheck } from '../../../harness/report/report-checks.js';
import { clipText } from './clip-text.js';
import { PAGE_LIMITS } from './page-limits.js';

/** Something a check found on one span, drawn on its waterfall row. */
export interface SpanMark {
  readonly traceId: string;
  readonly spanId: string;
  /** `broken`: a broken hop starts or ends here; `problem`: the span should have recorded an error. */
  readonly tone: 'broken' | 'problem';
  readonly text: string;
  /** The other end of a broken hop, when it sits in another trace: the page offers to open it. */
  readonly otherTraceId: string | null;
}

/** Marks for the spans the checks point at: both ends of every broken hop example, and unrecorded errors. */
export function traceMarks(checks: readonly ReportCheck[]): SpanMark[] {
  const marks: SpanMark[] = [];
  for (const check of checks) {
    if (check.id === 'hop-continuity') {
      for (const edge of check.edges) {
        const hop = clipText(`${edge.from}→${edge.to} (${edge.via})`, PAGE_LIMITS.textChars);
        for (const example of edge.examples) {
          const elsewhere = example.downstreamTraceId !== null && example.downstreamTraceId !== example.traceId;
          const downstream =
            example.downstreamSpanId === null
              ? '; no downstream span was found'
              : elsewhere
                ? `; the downstream span ${example.downstreamSpanId} started trace ${example.downstreamTraceId}`
                : `; downstream span ${example.downstreamSpanId}`;
          marks.push({
            traceId: example.traceId,
            spanId: example.upstreamSpanId,
            tone: 'broken',
            text: `broken hop ${hop}: ${example.break}, attributed by ${example.attributedBy}${downstream}`,
            otherTraceId: elsewhere ? example.downstreamTraceId : null,
          });
          if (example.downstreamTraceId !== null && example.downstreamSpanId !== null) {
            marks.push({
              traceId: example.downstreamTraceId,
              spanId: example.downstreamSpanId,
              tone: 'broken',
              text: `broken hop ${hop}: ${example.break}; upstream span ${example.upstreamSpanId} in trace ${example.traceId}`,
              otherTraceId: elsewhere ? example.traceId : null,
            });
          }
        }
      }
    } else if (check.id === 'error-recording') {
      for (const row of check.operations) {
        for (const example of row.examples) {
          if (example.spanId === null) continue;
          const what = example.problem === 'no-error-status' ? 'not marked ERROR' : 'ERROR without an exception event';
          marks.push({
            traceId: example.traceId,
            spanId: example.spanId,
            tone: 'problem',
            text: `failing work ${what} (${clipText(row.operation, PAGE_LIMITS.textChars)})`,
            otherTraceId: null,
          });
        }
      }
    }
  }
  return marks;
}
