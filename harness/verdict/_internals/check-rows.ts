import type { BreakClass, ReportCheck } from '../../report/report-checks.js';
import type { RowStatus } from '../check-status.js';
import { plural } from './format-share.js';
import type { JudgedShare } from './rate-reason.js';

/** A row of any check, reduced to what a reason sentence needs. */
export interface ReasonRow {
  readonly where: string;
  readonly status: RowStatus;
  /** The row's share, for rows judged against the check's threshold. */
  readonly share?: JudgedShare;
  /** Whole sentences for failures that are not a share below its threshold (leakage, unrecorded errors). */
  readonly failures: readonly string[];
  /** Counts that explain a share below its threshold. */
  readonly details: readonly string[];
  readonly examples: readonly string[];
}

const BREAK_ORDER: readonly BreakClass[] = ['restarted', 'orphaned', 'missing', 'late', 'unsampled'];

function nonZero(parts: readonly [number, string][]): string[] {
  return parts.filter(([count]) => count > 0).map(([count, text]) => `${count} ${text}`);
}

function eg(traceId: string | undefined): string {
  return traceId === undefined ? '' : ` (e.g. trace ${traceId})`;
}

/** The rows of `check` in a common form. */
export function rowsOf(check: ReportCheck): ReasonRow[] {
  switch (check.id) {
    case 'root-coverage':
      return check.routes.map((route) => ({
        where: route.route,
        status: route.status,
        share: route,
        failures: [],
        details: nonZero([[route.n - route.covered, 'without an entry span']]),
        examples: route.examples,
      }));
    case 'hop-continuity':
      return check.edges.map((edge) => ({
        where: `${edge.from}→${edge.to}`,
        status: edge.status,
        share: edge,
        failures: [],
        details: nonZero(BREAK_ORDER.map((kind) => [edge.breaks[kind], kind])),
        examples: edge.examples.map((example) => example.traceId),
      }));
    case 'log-correlation':
      return check.services.map((row) => ({
        where: row.service,
        status: row.status,
        share: row,
        failures:
          row.leaked > 0
            ? [
                `log-correlation on ${row.service}: ${plural(row.leaked, 'log')} carried another request's trace id` +
                  eg(row.examples.find((example) => example.problem === 'leaked')?.traceId),
              ]
            : [],
        details: nonZero([
          [row.withoutIds, 'without ids'],
          [row.unresolved, 'unresolved'],
        ]),
        examples: row.examples.map((example) => example.traceId),
      }));
    case 'error-recording':
      return check.operations.map((row) => {
        const missed = nonZero([
          [row.withoutErrorStatus, 'without ERROR status'],
          [row.withoutExceptionEvent, 'without an exception event'],
        ]);
        const where = `${row.service} ${row.operation}`;
        return {
          where,
          status: row.status,
          failures: [
            `error-recording on ${where}: ${row.n - row.recorded} of ${row.n} failing not recorded` +
              (missed.length > 0 ? ` (${missed.join(', ')})` : '') +
              eg(row.examples[0]?.traceId),
          ],
          details: [],
          examples: row.examples.map((example) => example.traceId),
        };
      });
    case 'hygiene':
      // Hygiene rows carry no status of their own: they fail exactly when the check does (failOnHygiene).
      return check.problems.map((row) => ({
        where: row.code,
        status: check.status === 'fail' ? 'fail' : 'pass',
        failures: [`hygiene: ${plural(row.count, `${row.code} finding`)}: ${row.message}${eg(row.examples[0])}`],
        details: [],
        examples: row.examples,
      }));
  }
}
