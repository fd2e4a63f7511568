import type { SpanKind, StatusCode } from '../model/span.js';

/**
 * An attribute or log body value as a report carries it: JSON, except that int64 values beyond 2^53 may be a
 * bigint in memory (rendered as a decimal string) and bytes are base64 strings.
 */
export type ReportValue =
  string | number | boolean | bigint | null | readonly ReportValue[] | { readonly [key: string]: ReportValue };

export type ReportAttributes = { readonly [key: string]: ReportValue };

export interface ReportSpanEvent {
  readonly name: string;
  /** Nanoseconds after the trace's start. */
  readonly offsetNs: number;
  readonly attributes: ReportAttributes;
}

/** One span, compact: enough to draw a waterfall row and show its details. */
export interface ReportSpan {
  readonly spanId: string;
  /** '' for a root. */
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: SpanKind;
  readonly service: string;
  /** Nanoseconds from the trace's `startTimeUnixNano` to this span's start (never negative). */
  readonly startOffsetNs: number;
  /** Nanoseconds from start to end; negative when the span ends before it starts. */
  readonly durationNs: number;
  readonly status: StatusCode;
  readonly statusMessage: string;
  readonly attributes: ReportAttributes;
  readonly events: readonly ReportSpanEvent[];
  readonly links: readonly { readonly traceId: string; readonly spanId: string }[];
}

/** One log line of the trace. */
export interface ReportLog {
  /** Nanoseconds after the trace's start; negative for a log written before the first span started. */
  readonly offsetNs: number;
  readonly severityText: string;
  readonly body: ReportValue;
  readonly service: string;
  /** The span the log names, '' when it names none. */
  readonly spanId: string;
  readonly attributes: ReportAttributes;
}

/**
 * An example trace in compact form, so reporters can draw it without the store. Times are offsets from
 * `startTimeUnixNano` (the earliest span start, exact, as a decimal string); attributes are redacted.
 */
export interface ReportTrace {
  readonly traceId: string;
  readonly startTimeUnixNano: string;
  /** Spans sorted by start time, then span id. */
  readonly spans: readonly ReportSpan[];
  readonly logs: readonly ReportLog[];
  /** Spans and logs left out because the trace was over the size cap. */
  readonly omittedSpans: number;
  readonly omittedLogs: number;
}
