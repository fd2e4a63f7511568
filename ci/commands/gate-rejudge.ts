import type { Report } from '../../harness/report/report.js';
import type { ReportCheck } from '../../harness/report/report-checks.js';
import type { CheckStatus } from '../../harness/verdict/check-status.js';
import { combineStatuses } from '../../harness/verdict/check-status.js';
import { decideVerdict } from '../../harness/verdict/decide-verdict.js';
import type { RateJudgement } from '../../harness/verdict/judge-rate.js';
import { judgeRate } from '../../harness/verdict/judge-rate.js';
import type { RateCheckId } from '../../harness/verdict/rate-rule.js';
import { rateRule } from '../../harness/verdict/rate-rule.js';
import type { Thresholds } from '../../harness/verdict/thresholds.js';

/** The fields a judged share sets on a row or a check. */
function judged(judgement: RateJudgement): { rate: number | null; interval: RateJudgement['interval'] } {
  return { rate: judgement.value, interval: judgement.interval };
}

/** As the checks combine them: the overall share and every row; skip only when nothing was judged. */
function combined(overall: RateJudgement, rows: readonly { readonly status: CheckStatus }[]): CheckStatus {
  if (overall.n === 0 && rows.length === 0) return 'skip';
  return combineStatuses([overall.status, ...rows.map((row) => row.status)]);
}

function rejudgeCheck(check: ReportCheck, thresholds: Thresholds): ReportCheck {
  // A check that judged nothing (or was turned off) has nothing a new threshold could change.
  if (check.status === 'skip') return check;
  const judge = (id: RateCheckId, successes: number, n: number): RateJudgement =>
    judgeRate(successes, n, rateRule(thresholds, id));
  const whole = (id: RateCheckId, successes: number, rows: readonly { readonly status: CheckStatus }[]) => {
    const overall = judge(id, successes, check.n);
    return {
      status: combined(overall, rows),
      value: overall.value,
      threshold: overall.threshold,
      interval: overall.interval,
    };
  };
  switch (check.id) {
    case 'root-coverage': {
      const routes = check.routes.map((route) => {
        const judgement = judge(check.id, route.covered, route.n);
        return { ...route, ...judged(judgement), status: judgement.status };
      });
      return { ...check, ...whole(check.id, check.covered, routes), routes };
    }
    case 'hop-continuity': {
      const edges = check.edges.map((edge) => {
        const judgement = judge(check.id, edge.continuous, edge.n);
        return { ...edge, ...judged(judgement), status: judgement.status };
      });
      return { ...check, ...whole(check.id, check.continuous, edges), edges };
    }
    case 'log-correlation': {
      const services = check.services.map((row) => {
        const judgement = judge(check.id, row.correlated, row.n);
        // A leaked trace id fails its row whatever the share (docs/report.md).
        return { ...row, ...judged(judgement), status: row.leaked > 0 ? ('fail' as const) : judgement.status };
      });
      return { ...check, ...whole(check.id, check.correlated, services), services };
    }
    case 'error-recording':
    case 'hygiene':
      // All-or-nothing and findings-based checks have no threshold a gate can move.
      return check;
  }
}

/**
 * The report judged again under `thresholds`: every rate check's rows and overall share held against the new
 * thresholds by judgeRate (same counts, same intervals at the report's confidence), then a new verdict, exit code
 * and reasons from decideVerdict. Nothing the run measured changes.
 */
export function rejudgeReport(report: Report, thresholds: Thresholds): Report {
  const checks = report.checks.map((check) => rejudgeCheck(check, thresholds));
  const decision = decideVerdict({ checks, harness: report.harness, thresholds, error: report.error });
  return {
    ...report,
    thresholds,
    checks,
    verdict: decision.verdict,
    exitCode: decision.exitCode,
    reasons: decision.reasons,
  };
}
