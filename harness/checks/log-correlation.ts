import type { LogRecord } from '../model/log.js';
import { SPAN_KINDS } from '../model/span.js';
import type {
  LogCorrelationCheck,
  LogCorrelationExample,
  LogCorrelationRow,
  LogProblem,
} from '../report/report-checks.js';
import type { CheckInput, CheckResult } from './check-input.js';
import type { CheckOptions } from './check-options.js';
import type { CheckContext } from './_internals/check-context.js';
import { checkContext } from './_internals/check-context.js';
import { excerptOf, mentionIndex } from './_internals/log-mentions.js';
import { firstTraceIds, judgeRow, overallStatus } from './_internals/rate-rows.js';
import type { SpanColumns } from './_internals/span-columns.js';
import { parseSpanId } from '../collect/span-table/hex-words.js';
import type { RequestEntry } from './_internals/request-entries.js';

interface ServiceTally {
  n: number;
  correlated: number;
  withoutIds: number;
  unresolved: number;
  leaked: number;
  readonly examples: LogCorrelationExample[];
}

/** True when the log's span id names a span of its trace written by the log's own service. */
function resolves(context: CheckContext, log: LogRecord, traceId: string, owner: RequestEntry | undefined): boolean {
  const spans = context.spans();
  // The owning request already found its trace's position in the columns: no second lookup by id.
  if (spans !== undefined) return resolvesInPlace(spans, log, owner?.trace ?? spans.columns.traceOf(traceId));
  const tree = context.input.forest.get(traceId);
  if (tree === undefined || log.spanId === '') return false;
  const spanId = log.spanId.toLowerCase();
  const primary = tree.node(spanId);
  if (primary === undefined) return false;
  if (primary.span.resource.serviceName === log.service) return true;
  // One id may stand for two spans of different kinds (Zipkin B3 shared spans).
  return SPAN_KINDS.some((kind) => tree.node(spanId, kind)?.span.resource.serviceName === log.service);
}

const logSpanId = new Int32Array(2);

// As the tree path: span ids are distinct in every trace laid out in columns, so the one span with the id answers.
function resolvesInPlace(spans: SpanColumns, log: LogRecord, trace: number): boolean {
  if (trace === -1 || log.spanId === '' || !parseSpanId(log.spanId.toLowerCase(), logSpanId)) return false;
  const high = logSpanId[0]!;
  const low = logSpanId[1]!;
  const to = spans.columns.traceStart[trace + 1]!;
  for (let p = spans.columns.traceStart[trace]!; p < to; p++) {
    if (spans.spanIdLow(p) === low && spans.spanIdHigh(p) === high) return spans.service(p) === log.service;
  }
  return false;
}

/** What is wrong with one log, or null when it is correlated, or undefined when it is not request-scoped. */
function problemOf(
  context: CheckContext,
  log: LogRecord,
  mention: RequestEntry | undefined,
  ownerOf: ReadonlyMap<string, RequestEntry>,
): LogProblem | null | undefined {
  if (log.traceId === '') return mention === undefined ? undefined : 'no-ids';
  const traceId = log.traceId.toLowerCase();
  const owner = ownerOf.get(traceId);
  if (mention?.traceId !== undefined && mention.traceId !== traceId) {
    return owner !== undefined && owner !== mention ? 'leaked' : 'unresolved';
  }
  // A trace nobody sampled and no span of which arrived is background work, not a request's.
  if (
    mention === undefined &&
    owner === undefined &&
    !context.input.forest.has(traceId) &&
    (log.traceFlags & 1) === 0
  ) {
    return undefined;
  }
  return resolves(context, log, traceId, owner) ? null : 'unresolved';
}

/** Log correlation from a shared context (runChecks). */
export function logCorrelationOf(context: CheckContext): CheckResult<LogCorrelationCheck> {
  const limit = context.options.exampleLimit;
  const mentions = mentionIndex(context);
  const ownerOf = new Map<string, RequestEntry>();
  for (const entry of context.entries()) if (entry.traceId !== undefined) ownerOf.set(entry.traceId, entry);
  const services = new Map<string, ServiceTally>();
  for (const log of context.input.logs ?? []) {
    const mention = mentions.mentioned(log);
    const problem = problemOf(context, log, mention, ownerOf);
    if (problem === undefined) continue;
    let tally = services.get(log.service);
    if (tally === undefined) {
      tally = { n: 0, correlated: 0, withoutIds: 0, unresolved: 0, leaked: 0, examples: [] };
      services.set(log.service, tally);
    }
    tally.n++;
    if (problem === null) {
      tally.correlated++;
      continue;
    }
    if (problem === 'no-ids') tally.withoutIds++;
    else if (problem === 'leaked') tally.leaked++;
    else tally.unresolved++;
    const traceId = mention?.traceId ?? (log.traceId === '' ? undefined : log.traceId.toLowerCase());
    // Leaks are listed first whatever their order: they fail the row on their own.
    if (traceId !== undefined && (tally.examples.length < limit || problem === 'leaked')) {
      const example = {
        traceId,
        problem,
        loggedTraceId: log.traceId === '' ? null : log.traceId.toLowerCase(),
        excerpt: excerptOf(log.body),
      };
      if (problem === 'leaked') {
        const firstOther = tally.examples.findIndex((other) => other.problem !== 'leaked');
        if (firstOther === -1) tally.examples.push(example);
        else tally.examples.splice(firstOther, 0, example);
        tally.examples.length = Math.min(tally.examples.length, limit);
      } else tally.examples.push(example);
    }
  }
  const rows: LogCorrelationRow[] = [...services]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([service, tally]) => {
      const judged = judgeRow('log-correlation', tally.correlated, tally.n, context.thresholds);
      return {
        service,
        ...tally,
        rate: judged.value,
        interval: judged.interval,
        status: tally.leaked > 0 ? 'fail' : judged.status,
      };
    });
  const n = rows.reduce((sum, row) => sum + row.n, 0);
  const correlated = rows.reduce((sum, row) => sum + row.correlated, 0);
  const leaked = rows.reduce((sum, row) => sum + row.leaked, 0);
  const overall = judgeRow('log-correlation', correlated, n, context.thresholds);
  const section: LogCorrelationCheck = {
    id: 'log-correlation',
    status: overallStatus(overall, rows),
    value: overall.value,
    threshold: overall.threshold,
    n,
    interval: n === 0 ? null : overall.interval,
    note: n === 0 ? 'no request-scoped log arrived' : null,
    examples: firstTraceIds(
      rows.map((row) => row.examples.map((example) => example.traceId)),
      limit,
    ),
    correlated,
    leaked,
    services: rows,
  };
  return { section, findings: [] };
}

/** Log correlation: request-scoped logs must carry ids of a span of the right trace and service; leaks always fail. */
export function logCorrelation(input: CheckInput, options?: CheckOptions): CheckResult<LogCorrelationCheck> {
  return logCorrelationOf(checkContext(input, options));
}
