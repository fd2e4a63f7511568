import { InvalidArgumentError } from '../errors.js';
import { compareSpans } from '../forest/span-order.js';
import { isTraceId } from '../model/ids.js';
import type { LogRecord } from '../model/log.js';
import type { SpanRecord } from '../model/span.js';
import type { UnixNano } from '../model/time.js';
import { reportAttributes, reportValue } from './_internals/report-value.js';
import type { ReportLog, ReportSpan, ReportTrace } from './report-trace.js';

export { REDACTED } from './_internals/report-value.js';

/** Attribute keys whose values reports replace by default (DESIGN.md, Reliability and security). */
export const DEFAULT_REDACTED_KEYS = /authorization|cookie|token|password|secret/i;

export interface CompactTraceOptions {
  /** Logs to attach; only those carrying this trace's id are kept. */
  readonly logs?: Iterable<LogRecord>;
  /** Most spans kept, earliest first; the rest are counted in `omittedSpans`. Default 1,000. */
  readonly maxSpans?: number;
  /** Most logs kept, earliest first. Default 200. */
  readonly maxLogs?: number;
  /** Attribute keys whose values are replaced by "[REDACTED]", at any depth; `false` keeps everything. */
  readonly redact?: RegExp | false;
}

const API = 'tracegate.compactTrace()';

function assertLimit(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidArgumentError(`${API}: ${name} must be a non-negative integer, got ${String(value)}`);
  }
}

/** The trace's spans and logs in the report's compact form, with times as offsets from its first span's start. */
export function compactTrace(
  traceId: string,
  spans: readonly SpanRecord[],
  options: CompactTraceOptions = {},
): ReportTrace {
  if (typeof traceId !== 'string' || !isTraceId(traceId)) {
    throw new InvalidArgumentError(
      `${API}: traceId must be 32 lowercase hex characters, got ${JSON.stringify(traceId)}`,
    );
  }
  const { maxSpans = 1000, maxLogs = 200, redact = DEFAULT_REDACTED_KEYS } = options;
  assertLimit('maxSpans', maxSpans);
  assertLimit('maxLogs', maxLogs);
  if (redact !== false && !(redact instanceof RegExp)) {
    throw new InvalidArgumentError(`${API}: redact must be a RegExp or false`);
  }
  // A global or sticky RegExp would remember lastIndex between keys and skip matches.
  const pattern = redact === false ? undefined : new RegExp(redact.source, redact.flags.replace(/[gy]/g, ''));
  const sorted = [...spans].sort(compareSpans);
  const logs = [...(options.logs ?? [])]
    .filter((log) => log.traceId === traceId)
    .sort((a, b) => (a.timeUnixNano < b.timeUnixNano ? -1 : a.timeUnixNano > b.timeUnixNano ? 1 : 0));
  const start: UnixNano = sorted[0]?.startTimeUnixNano ?? logs[0]?.timeUnixNano ?? 0n;
  const offset = (time: UnixNano): number => Number(time - start);

  const compactSpan = (span: SpanRecord): ReportSpan => ({
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: span.name,
    kind: span.kind,
    service: span.resource.serviceName,
    startOffsetNs: offset(span.startTimeUnixNano),
    durationNs: Number(span.endTimeUnixNano - span.startTimeUnixNano),
    status: span.status.code,
    statusMessage: span.status.message,
    attributes: reportAttributes(span.attributes, pattern),
    events: span.events.map((event) => ({
      name: event.name,
      offsetNs: offset(event.timeUnixNano),
      attributes: reportAttributes(event.attributes, pattern),
    })),
    links: span.links.map((link) => ({ traceId: link.traceId, spanId: link.spanId })),
  });
  const compactLog = (log: LogRecord): ReportLog => ({
    offsetNs: offset(log.timeUnixNano),
    severityText: log.severityText,
    body: reportValue(log.body, pattern),
    service: log.service,
    spanId: log.spanId,
    attributes: reportAttributes(log.attributes, pattern),
  });

  return {
    traceId,
    startTimeUnixNano: start.toString(),
    spans: sorted.slice(0, maxSpans).map(compactSpan),
    logs: logs.slice(0, maxLogs).map(compactLog),
    omittedSpans: Math.max(0, sorted.length - maxSpans),
    omittedLogs: Math.max(0, logs.length - maxLogs),
  };
}
