import type { ReportCheck } from '../../report/report-checks.js';
import type { Thresholds } from '../thresholds.js';
import { plural } from './format-share.js';
import type { JudgedShare } from './rate-reason.js';
import { belowThresholdReason, isBelow, tooFewSamplesReason } from './rate-reason.js';
import { rowsOf } from './check-rows.js';

/** Why a check did not pass: proven failures, and what kept it from a decision. */
export interface CheckReasons {
  readonly failing: string[];
  readonly inconclusive: string[];
}

function exampleDetail(examples: readonly string[]): string[] {
  const first = examples[0];
  return first === undefined ? [] : [`e.g. trace ${first}`];
}

/** The check as a whole, as a judged share (rate checks only carry a meaningful one). */
function overall(check: ReportCheck): JudgedShare {
  const status = check.status === 'skip' || check.status === 'pass' ? 'pass' : check.status;
  return { n: check.n, rate: check.value, interval: check.interval, status };
}

/** The sentences that explain a failing or inconclusive check; none for pass and skip. */
export function checkReasons(check: ReportCheck, thresholds: Thresholds): CheckReasons {
  const reasons: CheckReasons = { failing: [], inconclusive: [] };
  if (check.status === 'pass' || check.status === 'skip') return reasons;
  const threshold = check.threshold ?? 1;
  for (const row of rowsOf(check)) {
    if (row.status === 'fail') {
      reasons.failing.push(...row.failures);
      if (row.share !== undefined && isBelow(row.share, threshold, thresholds)) {
        const details = [...row.details, ...exampleDetail(row.examples)];
        reasons.failing.push(belowThresholdReason(check.id, row.where, row.share, threshold, thresholds, details));
      }
    } else if (row.status === 'inconclusive' && row.share !== undefined) {
      reasons.inconclusive.push(tooFewSamplesReason(check.id, row.where, row.share.n, thresholds));
    }
  }
  if (check.status === 'fail' && reasons.failing.length === 0) {
    const share = overall(check);
    reasons.failing.push(
      check.value !== null && check.threshold !== null && isBelow(share, threshold, thresholds)
        ? belowThresholdReason(check.id, '', share, threshold, thresholds, exampleDetail(check.examples))
        : `${check.id} failed${check.note === null ? '' : `: ${check.note}`}`,
    );
  }
  if (check.status === 'inconclusive' && reasons.inconclusive.length === 0) {
    reasons.inconclusive.push(
      check.note !== null
        ? `${check.id}: ${check.note}`
        : check.n < thresholds.minSamples
          ? tooFewSamplesReason(check.id, '', check.n, thresholds)
          : `${check.id} could not decide on ${plural(check.n, 'sample')}`,
    );
  }
  return reasons;
}
