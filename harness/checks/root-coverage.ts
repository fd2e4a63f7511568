import type { RootCoverageCheck, RouteCoverage } from '../report/report-checks.js';
import type { CorrelationMethod } from '../traffic/request-record.js';
import type { CheckInput, CheckResult } from './check-input.js';
import type { CheckOptions } from './check-options.js';
import type { CheckContext } from './_internals/check-context.js';
import type { RequestEntry } from './_internals/request-entries.js';
import { checkContext } from './_internals/check-context.js';
import { addExample, firstTraceIds, judgeRow, overallStatus } from './_internals/rate-rows.js';

interface RouteTally {
  n: number;
  covered: number;
  readonly examples: string[];
}

/** The note naming how requests without injected context were tied to their traces, or null. */
function methodNote(methods: ReadonlyMap<CorrelationMethod, number>, notReached: number): string | null {
  const parts = [...methods].filter(([method]) => method !== 'traceparent').map(([method, n]) => `${n} by ${method}`);
  if (notReached > 0) parts.push(`${notReached} requests never reached the service and are not judged`);
  return parts.length === 0 ? null : `requests correlated ${parts.join(', ')}`;
}

/** Requests by route: how many reached the service and how many of those have their entry span. */
function tallyRoutes(
  entries: readonly RequestEntry[],
  limit: number,
): { routes: Map<string, RouteTally>; methods: Map<CorrelationMethod, number>; notReached: number } {
  const routes = new Map<string, RouteTally>();
  const methods = new Map<CorrelationMethod, number>();
  let notReached = 0;
  for (const { record, found, traceId, reached, method } of entries) {
    if (!reached) {
      notReached++;
      continue;
    }
    let tally = routes.get(record.route);
    if (tally === undefined) routes.set(record.route, (tally = { n: 0, covered: 0, examples: [] }));
    tally.n++;
    methods.set(method, (methods.get(method) ?? 0) + 1);
    if (found) tally.covered++;
    else if (traceId !== undefined) addExample(tally.examples, limit, traceId);
  }
  return { routes, methods, notReached };
}

/** Root coverage from a shared context (runChecks). */
export function rootCoverageOf(context: CheckContext): CheckResult<RootCoverageCheck> {
  const limit = context.options.exampleLimit;
  const { routes, methods, notReached } = tallyRoutes(context.entries(), limit);
  const rows: RouteCoverage[] = [...routes]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([route, tally]) => {
      const judged = judgeRow('root-coverage', tally.covered, tally.n, context.thresholds);
      const { n, covered, examples } = tally;
      return { route, n, covered, rate: judged.value, interval: judged.interval, status: judged.status, examples };
    });
  const covered = rows.reduce((sum, row) => sum + row.covered, 0);
  const n = rows.reduce((sum, row) => sum + row.n, 0);
  const overall = judgeRow('root-coverage', covered, n, context.thresholds);
  const status = overallStatus(overall, rows);
  const section: RootCoverageCheck = {
    id: 'root-coverage',
    status,
    value: overall.value,
    threshold: overall.threshold,
    n,
    interval: n === 0 ? null : overall.interval,
    note: status === 'skip' ? 'no request reached the service' : methodNote(methods, notReached),
    examples: firstTraceIds(
      rows.map((row) => row.examples),
      limit,
    ),
    covered,
    routes: rows,
  };
  return { section, findings: [] };
}

/** Root coverage: per route, the share of requests whose entry span was received, judged against the threshold. */
export function rootCoverage(input: CheckInput, options?: CheckOptions): CheckResult<RootCoverageCheck> {
  return rootCoverageOf(checkContext(input, options));
}
