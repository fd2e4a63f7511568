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
import type { MentionIndex } from './_internals/log-mentions.js';
import { excerptOf, lowercase, mentionIndex } from './_internals/log-mentions.js';
import { firstTraceIds, judgeRow, overallStatus } from './_internals/rate-rows.js';
import type { SpanColumns } from './_internals/span-columns.js';
import { parseSpanId } from '../collect/span-table/hex-words.js';
import type { RequestEntry } from './_internals/request-entries.js';
import { keepShape } from '../forest/_internals/keep-shape.js';

interface ServiceTally {
  n: number;
  correlated: number;
  withoutIds: number;
  unresolved: number;
  leaked: number;
  readonly examples: LogCorrelationExample[];
}

/** True when the log's span id names a span of its trace written by the log's own service (tree path). */
function resolves(context: CheckContext, log: LogRecord, traceId: string): boolean {
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
  if (trace === -1 || log.spanId === '' || !parseSpanId(lowercase(log.spanId), logSpanId)) return false;
  const high = logSpanId[0]!;
  const low = logSpanId[1]!;
  const to = spans.columns.traceStart[trace + 1]!;
  for (let p = spans.columns.traceStart[trace]!; p < to; p++) {
    if (spans.spanIdLow(p) === low && spans.spanIdHigh(p) === high) return spans.service(p) === log.service;
  }
  return false;
}

/**
 * Each request by the trace it owns (the last request naming a trace, as a Map keyed by trace id keeps it): by the
 * trace's position in the columns when read in place, so a log costs one lookup of its trace id, else by id.
 */
class TraceOwners {
  readonly #entries: readonly RequestEntry[];
  readonly #spans: SpanColumns | undefined;
  // By column trace: the owning entry's index plus one (0: none).
  readonly #byTrace: Int32Array;
  readonly #byId = new Map<string, RequestEntry>();

  constructor(entries: readonly RequestEntry[], spans: SpanColumns | undefined) {
    this.#entries = entries;
    this.#spans = spans;
    this.#byTrace = new Int32Array(spans === undefined ? 0 : spans.columns.traceIds.length);
    for (let i = 0; i < entries.length; i++) {
      const { traceId, trace } = entries[i]!;
      if (traceId === undefined) continue;
      if (spans !== undefined && trace !== undefined && trace !== -1) this.#byTrace[trace] = i + 1;
      else this.#byId.set(traceId, entries[i]!);
    }
  }

  /** The trace's position in the columns, or -1 (also when not read in place). */
  traceOf(traceId: string): number {
    return this.#spans === undefined ? -1 : this.#spans.columns.traceOf(traceId);
  }

  ownerOf(traceId: string, trace: number): RequestEntry | undefined {
    const index = trace === -1 ? 0 : this.#byTrace[trace]!;
    if (index !== 0) return this.#entries[index - 1];
    return this.#byId.size === 0 ? undefined : this.#byId.get(traceId);
  }
}

keepShape(new TraceOwners([], undefined));

/** What is wrong with one log, or null when it is correlated, or undefined when it is not request-scoped. */
function problemOf(
  context: CheckContext,
  log: LogRecord,
  mention: RequestEntry | undefined,
  owners: TraceOwners,
): LogProblem | null | undefined {
  if (log.traceId === '') return mention === undefined ? undefined : 'no-ids';
  const traceId = lowercase(log.traceId);
  const spans = context.spans();
  // One lookup of the trace id answers the owner, whether any span arrived, and where the trace's spans are.
  const trace = owners.traceOf(traceId);
  const owner = owners.ownerOf(traceId, trace);
  if (mention?.traceId !== undefined && mention.traceId !== traceId) {
    return owner !== undefined && owner !== mention ? 'leaked' : 'unresolved';
  }
  const arrived = spans === undefined ? context.input.forest.has(traceId) : trace !== -1;
  // A trace nobody sampled and no span of which arrived is background work, not a request's.
  if (mention === undefined && owner === undefined && !arrived && (log.traceFlags & 1) === 0) return undefined;
  const resolved = spans === undefined ? resolves(context, log, traceId) : resolvesInPlace(spans, log, trace);
  return resolved ? null : 'unresolved';
}

/**
 * Which logs are the same record arriving a second time through another channel: a service that writes each line
 * to stdout (captured by tracegate) and also exports it over OTLP (pino with its OTel instrumentation, say) would
 * otherwise be counted twice. Same service, ids, body and millisecond, from a different source kind. Only runs
 * when the logs came through more than one kind of source.
 */
function echoesOf(logs: readonly LogRecord[]): Uint8Array | undefined {
  const firstKind = logs[0]?.source.kind;
  if (!logs.some((log) => log.source.kind !== firstKind)) return undefined;
  const echoes = new Uint8Array(logs.length);
  const firstSeen = new Map<string, LogRecord['source']['kind']>();
  for (let i = 0; i < logs.length; i++) {
    const log = logs[i]!;
    const body =
      typeof log.body === 'string'
        ? log.body
        : JSON.stringify(log.body, (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    const key = `${log.service}\u0000${log.traceId}\u0000${log.spanId}\u0000${log.timeUnixNano / 1_000_000n}\u0000${body}`;
    const kind = firstSeen.get(key);
    if (kind === undefined) firstSeen.set(key, log.source.kind);
    else if (kind !== log.source.kind) echoes[i] = 1;
  }
  return echoes;
}

/** Each request-scoped log's problem, tallied by service in first-seen order. */
function tallyLogs(context: CheckContext, mentions: MentionIndex, owners: TraceOwners): Map<string, ServiceTally> {
  const limit = context.options.exampleLimit;
  const services = new Map<string, ServiceTally>();
  const logs = context.input.logs ?? [];
  const echoes = echoesOf(logs);
  // Logs of one service come in runs: the last tally usually answers the next log.
  let lastService: string | undefined;
  let lastTally: ServiceTally | undefined;
  for (let i = 0; i < logs.length; i++) {
    if (echoes !== undefined && echoes[i] === 1) continue;
    const log = logs[i]!;
    const mention = mentions.mentioned(log);
    const problem = problemOf(context, log, mention, owners);
    if (problem === undefined) continue;
    let tally = log.service === lastService ? lastTally : services.get(log.service);
    if (tally === undefined) {
      tally = { n: 0, correlated: 0, withoutIds: 0, unresolved: 0, leaked: 0, examples: [] };
      services.set(log.service, tally);
    }
    lastService = log.service;
    lastTally = tally;
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
  return services;
}

/** Log correlation from a shared context (runChecks). */
export function logCorrelationOf(context: CheckContext): CheckResult<LogCorrelationCheck> {
  const limit = context.options.exampleLimit;
  const services = tallyLogs(context, mentionIndex(context), new TraceOwners(context.entries(), context.spans()));
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
