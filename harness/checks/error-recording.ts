import type { Finding } from '../model/finding.js';
import type { SpanRecord } from '../model/span.js';
import type { ErrorRecordingCheck, ErrorRecordingExample, ErrorRecordingRow } from '../report/report-checks.js';
import { judgeAllOrNothing } from '../verdict/judge-all-or-nothing.js';
import type { CheckInput, CheckResult } from './check-input.js';
import type { CheckOptions } from './check-options.js';
import type { CheckContext } from './_internals/check-context.js';
import { checkContext } from './_internals/check-context.js';
import { hasCompleteException, httpStatusOf } from './_internals/exception-event.js';
import { spanKey } from './_internals/forest-index.js';
import { firstTraceIds } from './_internals/rate-rows.js';

/** The service name of a failing request that produced no span. */
export const NO_SPAN_SERVICE = '(no span)';

interface RowTally {
  readonly service: string;
  readonly operation: string;
  n: number;
  recorded: number;
  withoutErrorStatus: number;
  withoutExceptionEvent: number;
  readonly examples: ErrorRecordingExample[];
}

/** Error recording from a shared context (runChecks). */
export function errorRecordingOf(context: CheckContext): CheckResult<ErrorRecordingCheck> {
  const limit = context.options.exampleLimit;
  const rows = new Map<string, RowTally>();
  const findings: Finding[] = [];
  const judge = (service: string, operation: string, traceId: string | undefined, span: SpanRecord | undefined) => {
    const key = `${service}\u0000${operation}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = { service, operation, n: 0, recorded: 0, withoutErrorStatus: 0, withoutExceptionEvent: 0, examples: [] };
      rows.set(key, row);
    }
    row.n++;
    const problem =
      span === undefined || span.status.code !== 'error'
        ? 'no-error-status'
        : hasCompleteException(span)
          ? undefined
          : 'no-exception-event';
    if (problem === undefined) row.recorded++;
    else if (problem === 'no-error-status') row.withoutErrorStatus++;
    else row.withoutExceptionEvent++;
    if (problem !== undefined && traceId !== undefined && row.examples.length < limit) {
      row.examples.push({ traceId, spanId: span?.spanId ?? null, problem });
    }
  };

  const entrySpans = new Set<string>();
  for (const { record, entry, traceId, reached } of context.entries()) {
    const failed = (record.status !== undefined && record.status >= 500) || context.options.isFailure(record);
    if (!reached || !failed) continue;
    if (entry !== undefined) entrySpans.add(spanKey(entry.span.traceId, entry.span.spanId));
    judge(entry?.span.resource.serviceName ?? NO_SPAN_SERVICE, record.route, traceId, entry?.span);
  }
  for (const { span } of context.index().nodes) {
    const status = httpStatusOf(span);
    const isError = span.status.code === 'error';
    if (isError && span.kind === 'server' && status !== undefined && status >= 400 && status < 500) {
      findings.push({
        level: 'warn',
        code: 'span.client-error-marked-error',
        message: `server span "${span.name}" of ${span.resource.serviceName} answered ${status} and is marked ERROR; OTel HTTP semconv leaves 4xx unset on server spans`,
        traceId: span.traceId,
        spanId: span.spanId,
      });
      continue;
    }
    const serverFailure = span.kind === 'server' && status !== undefined && status >= 500;
    // A client span failed by the response it got: the exception, if any, is the server's to record.
    const remoteFailure = span.kind === 'client' && status !== undefined;
    if (!(isError || serverFailure) || (remoteFailure && !serverFailure)) continue;
    if (entrySpans.has(spanKey(span.traceId, span.spanId))) continue;
    judge(span.resource.serviceName, span.name, span.traceId, span);
  }

  const operations: ErrorRecordingRow[] = [...rows.values()]
    .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : a.operation < b.operation ? -1 : 1))
    .map((row) => ({ ...row, status: row.recorded === row.n ? 'pass' : 'fail' }));
  const n = operations.reduce((sum, row) => sum + row.n, 0);
  const recorded = operations.reduce((sum, row) => sum + row.recorded, 0);
  const judged = judgeAllOrNothing(recorded, n, context.thresholds.confidence);
  const section: ErrorRecordingCheck = {
    id: 'error-recording',
    status: judged.status,
    value: judged.value,
    threshold: judged.threshold,
    n,
    interval: n === 0 ? null : judged.interval,
    note: n === 0 ? 'no request or span failed' : null,
    examples: firstTraceIds(
      operations.map((row) => row.examples.map((example) => example.traceId)),
      limit,
    ),
    recorded,
    operations,
  };
  return { section, findings };
}

/** Error recording: failing requests and spans must carry ERROR status and a complete `exception` event. */
export function errorRecording(input: CheckInput, options?: CheckOptions): CheckResult<ErrorRecordingCheck> {
  return errorRecordingOf(checkContext(input, options));
}
