import type { Report } from '../../harness/report/report.js';
import type {
  BreakClass,
  BrokenHopExample,
  CheckId,
  HopEdge,
  ReportCheck,
} from '../../harness/report/report-checks.js';
import type { ReportTrace } from '../../harness/report/report-trace.js';
import type { Line } from './_internals/segments.js';
import { seg } from './_internals/segments.js';
import type { TreeMarker } from './_internals/trace-tree.js';
import { traceTree } from './_internals/trace-tree.js';

export type { Line, Segment, Tone } from './_internals/segments.js';

/** One failing row of a check drawn with one example trace: what a person opens first to see the break. */
export interface FailureExample {
  readonly checkId: CheckId;
  /** The row: a route, `api>worker`, `service: operation`, a service or a finding code. */
  readonly where: string;
  /** The trace drawn (or named, when the report does not carry it). */
  readonly traceId: string;
  /** The tree with the failure marked; raw service text, escaped by each renderer. */
  readonly lines: readonly Line[];
}

export interface FailureExampleOptions {
  /** Failing rows drawn per failing check, worst first. Default 1. */
  readonly perCheck?: number;
}

const BREAK_TEXT: Readonly<Record<Exclude<BreakClass, 'restarted'>, string>> = {
  orphaned: 'the downstream span arrived, but its parent never did',
  missing: 'no downstream span arrived',
  late: 'the downstream span arrived after the verdict',
  unsampled: 'the context crossed without the sampled flag',
};

function bad(text: string): Line {
  return [seg(`✗ ${text}`, 'bad')];
}

function drawn(report: Report, traceId: string, markers: readonly TreeMarker[], missing: string): Line[] {
  const trace = report.traces.find((entry) => entry.traceId === traceId);
  if (trace === undefined) return [...markers.map((marker) => marker.line), [seg(missing, 'dim')]];
  const count = trace.spans.length + trace.omittedSpans;
  return [[seg(`trace ${traceId} (${count} span${count === 1 ? '' : 's'})`, 'dim')], ...traceTree(trace, markers)];
}

function hopLines(report: Report, edge: HopEdge, example: BrokenHopExample): Line[] {
  const hop = `broken hop ${edge.from}>${edge.to}`;
  const downstreamTrace: ReportTrace | undefined =
    example.downstreamTraceId === null
      ? undefined
      : report.traces.find((trace) => trace.traceId === example.downstreamTraceId);
  const downstream = downstreamTrace?.spans.find((span) => span.spanId === example.downstreamSpanId);
  const what =
    downstream === undefined
      ? edge.to
      : `${downstream.kind} ${JSON.stringify(downstream.name)} (${downstream.service})`;
  const text =
    example.break === 'restarted'
      ? `${what} started a new trace${example.downstreamTraceId === null ? '' : ` ${example.downstreamTraceId}`}`
      : BREAK_TEXT[example.break];
  const tied = example.attributedBy === 'none' ? '' : ` (tied to this hop by ${example.attributedBy})`;
  const lines = drawn(
    report,
    example.traceId,
    [{ spanId: example.upstreamSpanId, line: bad(`${hop}: ${text}${tied}`) }],
    `(trace ${example.traceId} is not in the report)`,
  );
  if (downstreamTrace !== undefined && example.downstreamTraceId !== example.traceId) {
    lines.push(
      ...drawn(
        report,
        downstreamTrace.traceId,
        [{ spanId: example.downstreamSpanId, line: bad(`${hop}: restarted here`) }],
        '',
      ),
    );
  }
  return lines;
}

function examplesOf(report: Report, check: ReportCheck): FailureExample[] {
  const example = (where: string, traceId: string, lines: Line[]): FailureExample => ({
    checkId: check.id,
    where,
    traceId,
    lines,
  });
  const absent = (traceId: string): string => `(no span of trace ${traceId} arrived)`;
  switch (check.id) {
    case 'root-coverage':
      return check.routes.flatMap((route) => {
        const traceId = route.examples[0];
        if (route.status !== 'fail' || traceId === undefined) return [];
        const marker = { spanId: null, line: bad(`no entry span for ${route.route}`) };
        return [example(route.route, traceId, drawn(report, traceId, [marker], absent(traceId)))];
      });
    case 'hop-continuity':
      return [...check.edges]
        .filter((edge) => edge.status === 'fail' && edge.examples.length > 0)
        .sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0))
        .map((edge) =>
          example(`${edge.from}>${edge.to}`, edge.examples[0]!.traceId, hopLines(report, edge, edge.examples[0]!)),
        );
    case 'error-recording':
      return check.operations.flatMap((row) => {
        const first = row.examples[0];
        if (row.status !== 'fail' || first === undefined) return [];
        const text =
          first.spanId === null
            ? `${row.operation} failed, and no span of it arrived`
            : first.problem === 'no-error-status'
              ? 'failing work not marked ERROR'
              : 'ERROR without an exception event (type, message, stacktrace)';
        const lines = drawn(report, first.traceId, [{ spanId: first.spanId, line: bad(text) }], absent(first.traceId));
        return [example(`${row.service}: ${row.operation}`, first.traceId, lines)];
      });
    case 'log-correlation':
      return check.services.flatMap((row) => {
        const first = row.examples.find((entry) => entry.problem === 'leaked') ?? row.examples[0];
        if (row.status !== 'fail' || first === undefined) return [];
        const problem =
          first.problem === 'no-ids'
            ? 'carries no trace or span id'
            : first.problem === 'unresolved'
              ? `carries ids that name no span of this trace in ${row.service}`
              : `carries trace id ${first.loggedTraceId ?? '?'} of another request (leaked)`;
        const marker = { spanId: null, line: bad(`log of ${row.service} ${JSON.stringify(first.excerpt)} ${problem}`) };
        return [example(row.service, first.traceId, drawn(report, first.traceId, [marker], absent(first.traceId)))];
      });
    case 'hygiene':
      if (check.status !== 'fail') return [];
      return check.problems.flatMap((problem) => {
        const traceId = problem.examples[0];
        if (traceId === undefined) return [];
        const marker = { spanId: null, line: bad(`${problem.code}: ${problem.message}`) };
        return [example(problem.code, traceId, drawn(report, traceId, [marker], absent(traceId)))];
      });
  }
}

/**
 * For each failing check, its failing rows (worst first, `perCheck` of them) drawn with one example trace each:
 * the tree with durations and status, and the failure marked where it happened (e.g. `✗ broken hop
 * relay>worker: consumer "orders process" (worker) started a new trace …`). Pure: renderers add colour and escaping.
 */
export function failureExamples(report: Report, options: FailureExampleOptions = {}): FailureExample[] {
  const perCheck = options.perCheck ?? 1;
  return report.checks
    .filter((check) => check.status === 'fail')
    .flatMap((check) => examplesOf(report, check).slice(0, perCheck));
}
