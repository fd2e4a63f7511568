import type { Report } from '../../../harness/report/report.js';
import type { ReportCheck } from '../../../harness/report/report-checks.js';
import { clipText } from './clip-text.js';
import { PAGE_LIMITS } from './page-limits.js';
import type { PageTrace } from './page-trace.js';
import { pageTrace } from './page-trace.js';
import { traceMarks } from './trace-marks.js';

/** A capped list: the first rows and how many more the report had. */
export interface PageRows<T> {
  readonly rows: readonly T[];
  readonly notShown: number;
}

type Row = Record<string, unknown>;

/** Everything the page draws, already capped and clipped; embedded as JSON and read by the page script. */
export interface PageData {
  readonly summary: Row;
  readonly reasons: PageRows<string>;
  readonly checks: readonly Row[];
  readonly routes: PageRows<Row>;
  readonly edges: PageRows<Row>;
  readonly operations: PageRows<Row>;
  readonly logServices: PageRows<Row>;
  readonly hygiene: PageRows<Row>;
  readonly findings: PageRows<Row>;
  readonly traces: readonly PageTrace[];
  /** Example traces not drawn: left out by the report's cap or the page's, the latter listed by id. */
  readonly tracesNotShown: number;
  readonly traceIdsNotShown: readonly string[];
}

const text = (value: string): string => clipText(value, PAGE_LIMITS.textChars);

function capped<T, R>(items: readonly T[], shape: (item: T) => R): PageRows<R> {
  return { rows: items.slice(0, PAGE_LIMITS.rows).map(shape), notShown: Math.max(0, items.length - PAGE_LIMITS.rows) };
}

function examples<T>(items: readonly T[]): T[] {
  return items.slice(0, PAGE_LIMITS.examples);
}

function rowsOf<K extends ReportCheck['id']>(
  checks: readonly ReportCheck[],
  id: K,
): Extract<ReportCheck, { id: K }> | undefined {
  return checks.find((check): check is Extract<ReportCheck, { id: K }> => check.id === id);
}

/** The report reduced to what the page embeds, within PAGE_LIMITS whatever the report's size. */
export function pageData(report: Report): PageData {
  const { checks } = report;
  const coverage = rowsOf(checks, 'root-coverage');
  const hops = rowsOf(checks, 'hop-continuity');
  const errors = rowsOf(checks, 'error-recording');
  const logs = rowsOf(checks, 'log-correlation');
  const hygiene = rowsOf(checks, 'hygiene');
  const marks = traceMarks(checks);
  const drawn = report.traces.slice(0, PAGE_LIMITS.traces);
  const share = Math.floor(PAGE_LIMITS.traceBudgetChars / Math.max(1, drawn.length));
  const error = report.error;
  return {
    summary: {
      verdict: report.verdict,
      exitCode: report.exitCode,
      scenario: text(report.scenario),
      runId: text(report.runId),
      seed: report.seed,
      startedAt: text(report.startedAt),
      durationMs: report.durationMs,
      tracegateVersion: text(report.tracegateVersion),
      thresholds: report.thresholds,
      traffic: report.traffic,
      harness: report.harness,
      error:
        error === null
          ? null
          : {
              code: text(error.code),
              message: clipText(error.message, PAGE_LIMITS.valueChars),
              service: error.service === null ? null : text(error.service),
              output: capped(error.output, text),
            },
    },
    reasons: capped(report.reasons, text),
    checks: checks.map((check) => ({
      id: check.id,
      status: check.status,
      value: check.value,
      threshold: check.threshold,
      n: check.n,
      interval: check.interval,
      note: check.note === null ? null : text(check.note),
      examples: examples(check.examples),
    })),
    routes: capped(coverage?.routes ?? [], (route) => ({
      ...route,
      route: text(route.route),
      examples: examples(route.examples),
    })),
    edges: capped(hops?.edges ?? [], (edge) => ({
      ...edge,
      from: text(edge.from),
      to: text(edge.to),
      examples: examples(edge.examples),
    })),
    operations: capped(errors?.operations ?? [], (row) => ({
      ...row,
      service: text(row.service),
      operation: text(row.operation),
      examples: examples(row.examples),
    })),
    logServices: capped(logs?.services ?? [], (row) => ({
      ...row,
      service: text(row.service),
      examples: examples(row.examples).map((example) => ({ ...example, excerpt: text(example.excerpt) })),
    })),
    hygiene: capped(hygiene?.problems ?? [], (row) => ({
      ...row,
      code: text(row.code),
      message: text(row.message),
      examples: examples(row.examples),
    })),
    findings: capped(report.findings, (finding) => ({
      level: finding.level,
      code: text(finding.code),
      message: text(finding.message),
      traceId: finding.traceId ?? null,
      spanId: finding.spanId ?? null,
    })),
    traces: drawn.map((trace) => pageTrace(trace, marks, share)),
    tracesNotShown: report.tracesOmitted + report.traces.length - drawn.length,
    traceIdsNotShown: report.traces
      .slice(PAGE_LIMITS.traces, PAGE_LIMITS.traces + PAGE_LIMITS.rows)
      .map((trace) => trace.traceId),
  };
}
