import type { ReportLog, ReportSpan, ReportTrace } from '../../../harness/report/report-trace.js';
import type { PageValue } from './clip-value.js';
import { clipAttributes, clipValue } from './clip-value.js';
import { clipText } from './clip-text.js';
import { PAGE_LIMITS } from './page-limits.js';
import type { SpanMark } from './trace-marks.js';

export interface PageSpan {
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: string;
  readonly service: string;
  readonly startOffsetNs: number;
  readonly durationNs: number;
  readonly status: string;
  readonly statusMessage: string;
  readonly attributes: Record<string, PageValue>;
  readonly attributesNotShown: number;
  readonly events: readonly {
    name: string;
    offsetNs: number;
    attributes: Record<string, PageValue>;
    attributesNotShown: number;
  }[];
  readonly eventsNotShown: number;
  readonly links: readonly { traceId: string; spanId: string }[];
  readonly linksNotShown: number;
}

export interface PageLog {
  readonly offsetNs: number;
  readonly severityText: string;
  readonly body: PageValue;
  readonly service: string;
  readonly spanId: string;
  readonly attributes: Record<string, PageValue>;
  readonly attributesNotShown: number;
}

/** An example trace as the page embeds it: capped, clipped, with the marks of its spans. */
export interface PageTrace {
  readonly traceId: string;
  readonly startTimeUnixNano: string;
  readonly spans: readonly PageSpan[];
  readonly logs: readonly PageLog[];
  /** Left out by the report's caps and by the page's. */
  readonly spansNotShown: number;
  readonly logsNotShown: number;
  readonly marks: readonly SpanMark[];
}

const text = (value: string): string => clipText(value, PAGE_LIMITS.textChars);

function pageSpan(span: ReportSpan): PageSpan {
  return {
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: text(span.name),
    kind: span.kind,
    service: text(span.service),
    startOffsetNs: span.startOffsetNs,
    durationNs: span.durationNs,
    status: span.status,
    statusMessage: text(span.statusMessage),
    ...clipAttributes(span.attributes),
    events: span.events.slice(0, PAGE_LIMITS.events).map((event) => ({
      name: text(event.name),
      offsetNs: event.offsetNs,
      ...clipAttributes(event.attributes),
    })),
    eventsNotShown: Math.max(0, span.events.length - PAGE_LIMITS.events),
    links: span.links.slice(0, PAGE_LIMITS.links).map((link) => ({ traceId: link.traceId, spanId: link.spanId })),
    linksNotShown: Math.max(0, span.links.length - PAGE_LIMITS.links),
  };
}

function pageLog(log: ReportLog): PageLog {
  return {
    offsetNs: log.offsetNs,
    severityText: text(log.severityText),
    body: clipValue(log.body),
    service: text(log.service),
    spanId: log.spanId,
    ...clipAttributes(log.attributes),
  };
}

/**
 * The trace as the page embeds it: spans and logs in order until either cap or `budgetChars` of JSON is reached
 * (the first span is always kept, so every embedded trace draws something).
 */
export function pageTrace(trace: ReportTrace, marks: readonly SpanMark[], budgetChars: number): PageTrace {
  const spans: PageSpan[] = [];
  const logs: PageLog[] = [];
  let used = 0;
  for (const span of trace.spans.slice(0, PAGE_LIMITS.spansPerTrace)) {
    const embedded = pageSpan(span);
    used += JSON.stringify(embedded).length;
    if (used > budgetChars && spans.length > 0) break;
    spans.push(embedded);
  }
  for (const log of trace.logs.slice(0, PAGE_LIMITS.logsPerTrace)) {
    const embedded = pageLog(log);
    used += JSON.stringify(embedded).length;
    if (used > budgetChars) break;
    logs.push(embedded);
  }
  return {
    traceId: trace.traceId,
    startTimeUnixNano: trace.startTimeUnixNano,
    spans,
    logs,
    spansNotShown: trace.omittedSpans + trace.spans.length - spans.length,
    logsNotShown: trace.omittedLogs + trace.logs.length - logs.length,
    // Marks on spans that were left out are kept too: the page lists them above the waterfall.
    marks: marks.filter((mark) => mark.traceId === trace.traceId).slice(0, PAGE_LIMITS.rows),
  };
}
