import type { Finding } from '../model/finding.js';
import type { SpanRecord } from '../model/span.js';
import type { ErrorRecordingCheck, ErrorRecordingExample, ErrorRecordingRow } from '../report/report-checks.js';
import { judgeAllOrNothing } from '../verdict/judge-all-or-nothing.js';
import type { CheckInput, CheckResult } from './check-input.js';
import type { CheckOptions } from './check-options.js';
import type { CheckContext } from './_internals/check-context.js';
import { checkContext } from './_internals/check-context.js';
import { hasCompleteException, httpStatusOf, httpStatusValue } from './_internals/exception-event.js';
import type { SpanColumns } from './_internals/span-columns.js';
import type { RequestRecord } from '../traffic/request-record.js';
import { firstTraceIds } from './_internals/rate-rows.js';
import { keepShape } from '../forest/_internals/keep-shape.js';

interface RowTally {
  readonly service: string;
  readonly operation: string;
  n: number;
  recorded: number;
  withoutErrorStatus: number;
  withoutExceptionEvent: number;
  readonly examples: ErrorRecordingExample[];
}

/**
 * Failing units by (service, operation), each recorded or not. A class, not a closure per verdict: the in-place
 * pass calls `judge` from its loop, and a new closure each verdict would have that loop compiled again.
 */
class UnitTally {
  readonly rows = new Map<string, RowTally>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  judge(service: string, operation: string, traceId: string | undefined, span: SpanRecord): void {
    const key = `${service}\u0000${operation}`;
    let row = this.rows.get(key);
    if (row === undefined) {
      row = { service, operation, n: 0, recorded: 0, withoutErrorStatus: 0, withoutExceptionEvent: 0, examples: [] };
      this.rows.set(key, row);
    }
    row.n++;
    const problem =
      span.status.code !== 'error' ? 'no-error-status' : hasCompleteException(span) ? undefined : 'no-exception-event';
    if (problem === undefined) row.recorded++;
    else if (problem === 'no-error-status') row.withoutErrorStatus++;
    else row.withoutExceptionEvent++;
    if (problem !== undefined && traceId !== undefined && row.examples.length < this.#limit) {
      row.examples.push({ traceId, spanId: span.spanId, problem });
    }
  }
}
keepShape(new UnitTally(0));

function isFailedRequest(context: CheckContext, record: RequestRecord): boolean {
  return (record.status !== undefined && record.status >= 500) || context.options.isFailure(record);
}

/** A server span answering 4xx and marked ERROR: a finding, not a failing unit. */
function isClientErrorMarked(kind: string, isError: boolean, status: number | undefined): boolean {
  return isError && kind === 'server' && status !== undefined && status >= 400 && status < 500;
}

/** True when the span is a failing unit or a client-error-marked server span (both need a closer look). */
function isFailingSpan(kind: string, isError: boolean, status: number | undefined): boolean {
  if (isClientErrorMarked(kind, isError, status)) return true;
  const serverFailure = kind === 'server' && status !== undefined && status >= 500;
  // A client span failed by the response it got: the exception, if any, is the server's to record.
  const remoteFailure = kind === 'client' && status !== undefined;
  return (isError || serverFailure) && !(remoteFailure && !serverFailure);
}

function clientErrorFinding(span: SpanRecord, status: number): Finding {
  return {
    level: 'warn',
    code: 'span.client-error-marked-error',
    message: `server span "${span.name}" of ${span.resource.serviceName} answered ${status} and is marked ERROR; OTel HTTP semconv leaves 4xx unset on server spans`,
    traceId: span.traceId,
    spanId: span.spanId,
  };
}

// As the tree path, reading status, kind and HTTP status from the rows; only failing spans are built.
function judgeInPlace(context: CheckContext, spans: SpanColumns, tally: UnitTally, findings: Finding[]): void {
  const isEntry = new Uint8Array(spans.count);
  for (const entry of context.entries()) {
    const { record, traceId, reached, position } = entry;
    // A failing request whose entry span never arrived has nothing to record its error on: that is
    // root-coverage's miss, counted there, not a second failure here.
    if (!reached || position === -1 || !isFailedRequest(context, record)) continue;
    isEntry[position] = 1;
    tally.judge(spans.service(position), record.route, traceId, spans.span(position));
  }
  for (let p = 0; p < spans.count; p++) {
    const kind = spans.kind(p);
    const isError = spans.statusIndex(p) === 2;
    // Only a server or client span's HTTP status can matter to a span that is not marked ERROR.
    if (!isError && kind !== 'server' && kind !== 'client') continue;
    const status = httpStatusValue(
      spans.attribute(p, 'http.response.status_code') ?? spans.attribute(p, 'http.status_code'),
    );
    if (!isFailingSpan(kind, isError, status)) continue;
    const span = spans.span(p);
    if (isClientErrorMarked(kind, isError, status)) findings.push(clientErrorFinding(span, status!));
    else if (isEntry[p] === 0) tally.judge(span.resource.serviceName, span.name, span.traceId, span);
  }
}

/** Error recording from a shared context (runChecks). */
export function errorRecordingOf(context: CheckContext): CheckResult<ErrorRecordingCheck> {
  const limit = context.options.exampleLimit;
  const tally = new UnitTally(limit);
  const findings: Finding[] = [];

  const spans = context.spans();
  if (spans !== undefined) judgeInPlace(context, spans, tally, findings);
  else {
    const { keyOf, nodes } = context.index();
    const entrySpans = new Set<string | number>();
    for (const { record, entry, traceId, reached } of context.entries()) {
      if (!reached || entry === undefined || !isFailedRequest(context, record)) continue;
      entrySpans.add(keyOf(entry.span));
      tally.judge(entry.span.resource.serviceName, record.route, traceId, entry.span);
    }
    for (const { span } of nodes) {
      const status = httpStatusOf(span);
      if (!isFailingSpan(span.kind, span.status.code === 'error', status)) continue;
      if (isClientErrorMarked(span.kind, span.status.code === 'error', status)) {
        findings.push(clientErrorFinding(span, status!));
        continue;
      }
      if (entrySpans.has(keyOf(span))) continue;
      tally.judge(span.resource.serviceName, span.name, span.traceId, span);
    }
  }

  const operations: ErrorRecordingRow[] = [...tally.rows.values()]
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
