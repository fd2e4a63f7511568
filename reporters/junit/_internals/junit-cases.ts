import type { Report } from '../../../harness/report/report.js';
import type { BreakClass, ReportCheck } from '../../../harness/report/report-checks.js';
import type { RowStatus } from '../../../harness/verdict/check-status.js';
import type { ConfidenceInterval } from '../../../harness/verdict/wilson-interval.js';
import { share } from '../../console/_internals/format.js';

/** How one test case came out, in JUnit's terms. */
export type CaseOutcome =
  | { readonly kind: 'pass' }
  | { readonly kind: 'failure' | 'error'; readonly type: string; readonly message: string; readonly text: string }
  | { readonly kind: 'skipped'; readonly message: string };

export interface JunitCase {
  readonly name: string;
  readonly outcome: CaseOutcome;
  /** Example traces and counts, for the case's `<system-out>`. */
  readonly out: string;
}

export interface JunitSuite {
  readonly name: string;
  readonly properties: readonly (readonly [string, string])[];
  readonly cases: readonly JunitCase[];
}

/** A judged share, as rows of every rate check and whole checks carry it. */
interface Share {
  readonly n: number;
  readonly value: number | null;
  readonly interval: ConfidenceInterval | null;
  readonly status: RowStatus | ReportCheck['status'];
}

const BREAKS: readonly BreakClass[] = ['restarted', 'orphaned', 'missing', 'late', 'unsampled'];

function interval(range: ConfidenceInterval | null): string {
  return range === null ? 'none' : `[${share(range.low)}, ${share(range.high)}]`;
}

function nonZero(parts: readonly (readonly [number, string])[]): string {
  return parts
    .filter(([count]) => count > 0)
    .map(([count, text]) => `${count} ${text}`)
    .join(', ');
}

/** A case for one judged share: failure text carries value, threshold, interval, n and example trace ids. */
function shareCase(
  report: Report,
  name: string,
  row: Share,
  threshold: number | null,
  details: string,
  examples: readonly string[],
): JunitCase {
  const { gateOn, confidence, minSamples } = report.thresholds;
  const value = row.value === null ? 'none' : share(row.value);
  const lines = [
    `value: ${value}`,
    `threshold: ${threshold === null ? 'none' : share(threshold)} (gate on ${gateOn})`,
    `interval: ${interval(row.interval)} at ${share(confidence * 100)}% confidence`,
    `n: ${row.n}`,
    ...(details === '' ? [] : [`details: ${details}`]),
    ...(examples.length === 0 ? [] : [`example traces: ${examples.join(', ')}`]),
  ];
  const text = `${lines.join('\n')}\n`;
  if (row.status === 'fail') {
    const compared =
      gateOn === 'lower-bound' && row.interval !== null ? `lower bound ${share(row.interval.low)}` : value;
    const message =
      threshold === null
        ? `failed (n=${row.n})`
        : `${compared} < ${share(threshold)} (n=${row.n}, interval ${interval(row.interval)})`;
    return {
      name,
      outcome: {
        kind: 'failure',
        type: 'below-threshold',
        message: details === '' ? message : `${message}: ${details}`,
        text,
      },
      out: '',
    };
  }
  if (row.status === 'inconclusive') {
    return {
      name,
      outcome: { kind: 'skipped', message: `inconclusive: ${row.n} samples, fewer than the minimum of ${minSamples}` },
      out: text,
    };
  }
  return { name, outcome: { kind: 'pass' }, out: text };
}

function rowCases(report: Report, check: ReportCheck): JunitCase[] {
  switch (check.id) {
    case 'root-coverage':
      return check.routes.map((route) =>
        shareCase(
          report,
          route.route,
          { ...route, value: route.rate },
          check.threshold,
          nonZero([[route.n - route.covered, 'without an entry span']]),
          route.examples,
        ),
      );
    case 'hop-continuity':
      return check.edges.map((edge) =>
        shareCase(
          report,
          `${edge.from}>${edge.to} (${edge.via})`,
          { ...edge, value: edge.rate },
          check.threshold,
          nonZero(BREAKS.map((kind) => [edge.breaks[kind], kind])),
          edge.examples.map(
            (example) =>
              `${example.traceId} (${example.break}${example.downstreamTraceId === null || example.downstreamTraceId === example.traceId ? '' : ` into ${example.downstreamTraceId}`})`,
          ),
        ),
      );
    case 'log-correlation':
      return check.services.map((row) => {
        const details = nonZero([
          [row.withoutIds, 'without ids'],
          [row.unresolved, 'unresolved'],
          [row.leaked, "carrying another request's trace id"],
        ]);
        const examples = row.examples.map((example) => `${example.traceId} (${example.problem})`);
        return shareCase(report, row.service, { ...row, value: row.rate }, check.threshold, details, examples);
      });
    case 'error-recording':
      return check.operations.map((row) => {
        const details = nonZero([
          [row.withoutErrorStatus, 'not marked ERROR'],
          [row.withoutExceptionEvent, 'without an exception event'],
        ]);
        const examples = row.examples.map((example) => `${example.traceId} (${example.problem})`);
        const value = row.n === 0 ? null : row.recorded / row.n;
        return shareCase(
          report,
          `${row.service}: ${row.operation}`,
          { ...row, value, interval: null },
          1,
          details,
          examples,
        );
      });
    case 'hygiene':
      if (check.problems.length === 0)
        return [{ name: 'hygiene', outcome: { kind: 'pass' }, out: `no findings in ${check.n} spans\n` }];
      return check.problems.map((problem) => {
        const text = `${problem.level}: ${problem.message} (${problem.count} times)\n${problem.examples.length === 0 ? '' : `example traces: ${problem.examples.join(', ')}\n`}`;
        return check.status === 'fail'
          ? {
              name: problem.code,
              outcome: { kind: 'failure', type: problem.code, message: problem.message, text },
              out: '',
            }
          : { name: problem.code, outcome: { kind: 'pass' }, out: text };
      });
  }
}

function checkSuite(report: Report, check: ReportCheck): JunitSuite {
  const properties: [string, string][] = [
    ['status', check.status],
    ['value', check.value === null ? '' : String(check.value)],
    ['threshold', check.threshold === null ? '' : String(check.threshold)],
    ['interval.low', check.interval === null ? '' : String(check.interval.low)],
    ['interval.high', check.interval === null ? '' : String(check.interval.high)],
    ['n', String(check.n)],
    ['gateOn', report.thresholds.gateOn],
  ];
  const name = `tracegate.${check.id}`;
  if (check.status === 'skip') {
    return {
      name,
      properties,
      cases: [{ name: check.id, outcome: { kind: 'skipped', message: check.note ?? 'nothing to judge' }, out: '' }],
    };
  }
  const rows = rowCases(report, check);
  // The check as a whole is judged too (its overall share), so it gets a case of its own beside its rows.
  const overall =
    check.id === 'hygiene'
      ? []
      : [shareCase(report, `${check.id} overall`, check, check.threshold, check.note ?? '', check.examples)];
  return { name, properties, cases: [...overall, ...rows] };
}

/** The run itself: an error case when it could not be made (ERROR) or when the harness lost data. */
function runSuite(report: Report): JunitSuite {
  const properties: [string, string][] = [
    ['verdict', report.verdict],
    ['scenario', report.scenario],
    ['runId', report.runId],
    ['seed', String(report.seed)],
    ['tracegateVersion', report.tracegateVersion],
  ];
  const reasons = `${report.reasons.join('\n')}\n`;
  let outcome: CaseOutcome = { kind: 'pass' };
  if (report.error !== null) {
    const output =
      report.error.output.length === 0
        ? ''
        : `\nlast lines of ${report.error.service ?? 'the service'}:\n${report.error.output.join('\n')}\n`;
    outcome = {
      kind: 'error',
      type: report.error.code,
      message: report.error.message,
      text: `${report.error.message}\n${output}`,
    };
  } else if (report.verdict === 'INCONCLUSIVE') {
    outcome = { kind: 'error', type: 'INCONCLUSIVE', message: report.reasons[0] ?? 'inconclusive', text: reasons };
  }
  return { name: 'tracegate', properties, cases: [{ name: 'run', outcome, out: reasons }] };
}

/** The suites of a JUnit report: the run's verdict, then one suite per check. */
export function junitSuites(report: Report): JunitSuite[] {
  return [runSuite(report), ...report.checks.map((check) => checkSuite(report, check))];
}
