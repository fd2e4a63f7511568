import type { CheckStatus } from '../../verdict/check-status.js';
import { combineStatuses } from '../../verdict/check-status.js';
import type { RateCheckId } from '../../verdict/rate-rule.js';
import { rateRule } from '../../verdict/rate-rule.js';
import type { RateJudgement } from '../../verdict/judge-rate.js';
import { judgeRate } from '../../verdict/judge-rate.js';
import type { Thresholds } from '../../verdict/thresholds.js';

/** Judges one row's share by the check's rule. */
export function judgeRow(checkId: RateCheckId, successes: number, n: number, thresholds: Thresholds): RateJudgement {
  return judgeRate(successes, n, rateRule(thresholds, checkId));
}

/** The check's status: its overall share and every row, combined; skip when nothing was judged. */
export function overallStatus(overall: RateJudgement, rows: readonly { readonly status: CheckStatus }[]): CheckStatus {
  if (overall.n === 0 && rows.length === 0) return 'skip';
  return combineStatuses([overall.status, ...rows.map((row) => row.status)]);
}

/** Adds `item` to `list` while it holds fewer than `limit`. */
export function addExample<T>(list: T[], limit: number, item: T): void {
  if (list.length < limit) list.push(item);
}

/** The first `limit` distinct trace ids across rows' examples. */
export function firstTraceIds(lists: Iterable<readonly string[]>, limit: number): string[] {
  const seen = new Set<string>();
  for (const list of lists) {
    for (const traceId of list) {
      if (seen.size >= limit) return [...seen];
      seen.add(traceId);
    }
  }
  return [...seen];
}
