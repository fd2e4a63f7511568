// The checkout system end to end: healthy with every broker and PostgreSQL, and each fault failing its one check.
import { afterAll, describe, expect, it } from '@jest/globals';
import type { Report } from '../../harness/report/report.js';
import type { ReportCheck } from '../../harness/report/report-checks.js';
import { CHECK_IDS } from '../../harness/report/report-checks.js';
import { CHECKOUT_ROUTE } from '../../scenarios/checkout/mix.js';
import type { Dependency, MatrixCase } from './checkout-cases.js';
import { MATRIX } from './checkout-cases.js';
import { expectedRootCoverage } from './checkout-root-loss.js';
import type { TestFn } from '../support/infra.js';
import { itWithDependencies } from '../support/infra.js';
import { diagnosis, limited, runCase, statuses, stopDependencies } from './checkout-support.js';

// Four services per case on two shared cores: three cases at once keeps each one's traffic brisk.
const CASES_AT_ONCE = 3;
const TRACE_ID = /^[0-9a-f]{32}$/;

const needs = (matrixCase: MatrixCase): Dependency[] => [
  ...(matrixCase.broker === undefined ? [] : [matrixCase.broker]),
  ...(matrixCase.database === true ? ['postgres' as const] : []),
];
// Each case is declared `it` or `it.skip` before any test runs (itWithDependencies prints why it skips, and
// TRACEGATE_REQUIRE_DOCKER=1 fails the file instead); URLs come from RABBITMQ_URL / REDIS_URL / DATABASE_URL first.
const testOf = new Map<string, TestFn>();
for (const kinds of new Set(MATRIX.map((matrixCase) => needs(matrixCase).join(',')))) {
  testOf.set(kinds, await itWithDependencies(kinds === '' ? [] : (kinds.split(',') as Dependency[])));
}
const testFor = (matrixCase: MatrixCase): TestFn => testOf.get(needs(matrixCase).join(','))!;
const runnable = MATRIX.filter((matrixCase) => testFor(matrixCase) !== it.skip);

// Every case starts at once (at most CASES_AT_ONCE running); each test awaits its own report.
let reports: Map<string, Promise<Report>> | undefined;
function reportOf(matrixCase: MatrixCase): Promise<Report> {
  if (reports === undefined) {
    const pending = limited(
      runnable.map((each) => () => runCase(each)),
      CASES_AT_ONCE,
    );
    reports = new Map(runnable.map((each, index) => [each.name, pending[index]!]));
  }
  return reports.get(matrixCase.name)!;
}

afterAll(stopDependencies, 120_000);

function check<Id extends ReportCheck['id']>(report: Report, id: Id): Extract<ReportCheck, { id: Id }> {
  const found = report.checks.find((each) => each.id === id);
  if (found === undefined) throw new Error(`the report has no ${id} check\n${diagnosis(report)}`);
  return found as Extract<ReportCheck, { id: Id }>;
}

function expectedStatuses(matrixCase: MatrixCase): Record<string, ReportCheck['status']> {
  const failing = [matrixCase.fails, ...(matrixCase.alsoFails ?? [])];
  return Object.fromEntries(CHECK_IDS.map((id) => [id, failing.includes(id) ? 'fail' : 'pass']));
}

describe('the checkout system end to end', () => {
  for (const matrixCase of MATRIX) {
    testFor(matrixCase)(
      matrixCase.name,
      async () => {
        const report = await reportOf(matrixCase);
        const verdict = matrixCase.fails === null ? 'PASS' : 'FAIL';
        // Verdict and statuses together, with the reasons and findings, so a wrong case says why at once.
        expect({ verdict: report.verdict, statuses: statuses(report), why: diagnosis(report) }).toMatchObject({
          verdict,
          statuses: expectedStatuses(matrixCase),
        });
        expect(report.harness.spansRejected).toBe(0);
        expect(report.traffic.failed).toBe(0);

        if (matrixCase.faults.length === 0) {
          // The healthy system really produces the trees the scenario expects.
          expect(report.findings.filter((finding) => finding.code.startsWith('expectation.'))).toEqual([]);
        }
        if (matrixCase.fails !== null) {
          const failing = check(report, matrixCase.fails);
          expect(failing.examples.length).toBeGreaterThan(0);
          expect(failing.examples[0]).toMatch(TRACE_ID);
        }

        if (matrixCase.brokenHop !== undefined) {
          const { from, to, break: kind } = matrixCase.brokenHop;
          const edges = check(report, 'hop-continuity').edges;
          const edge = edges.find((each) => each.from === from && each.to === to);
          expect(edge?.status).toBe('fail');
          // Every break of the edge is classified as the fault causes it, and the example names its trace.
          expect(edge?.breaks[kind]).toBe(edge!.n - edge!.continuous);
          expect(edge?.breaks[kind]).toBeGreaterThan(0);
          expect(edge?.examples[0]).toMatchObject({ break: kind, traceId: expect.stringMatching(TRACE_ID) });
          // Every other edge passes; the edge list shows which one did not.
          const others = edges.filter((each) => each !== edge);
          expect(others.map(({ from, to, status }) => ({ from, to, status }))).toEqual(
            others.map(({ from, to }) => ({ from, to, status: 'pass' })),
          );
          // The broken hop also breaks the expected checkout tree: one warning, with the example trace.
          const mismatch = report.findings.find((finding) => finding.code === 'expectation.mismatch');
          expect(mismatch?.message).toContain(`${CHECKOUT_ROUTE}: `);
          expect(mismatch?.traceId).toMatch(TRACE_ID);
        }

        if (matrixCase.fails === 'log-correlation') {
          const logs = check(report, 'log-correlation');
          if (matrixCase.leakage === true) expect(logs.leaked).toBeGreaterThan(0);
          else expect(logs.services.some((row) => row.withoutIds > 0)).toBe(true);
        }

        if (matrixCase.rootLoss !== undefined) {
          // The fault drops entry spans of exactly the request numbers it picks: the counts are known in advance.
          const routes = check(report, 'root-coverage').routes;
          const actual = Object.fromEntries(routes.map((row) => [row.route, { n: row.n, covered: row.covered }]));
          expect(actual).toEqual(expectedRootCoverage(matrixCase.rootLoss));
        }
      },
      300_000,
    );
  }
});
