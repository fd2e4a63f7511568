import type { RowStatus } from '../check-status.js';
import type { Thresholds } from '../thresholds.js';
import type { ConfidenceInterval } from '../wilson-interval.js';
import { formatShare } from './format-share.js';

/** A judged share: a route, an edge, a service, or a whole check. */
export interface JudgedShare {
  readonly n: number;
  readonly rate: number | null;
  readonly interval: ConfidenceInterval | null;
  readonly status: RowStatus;
}

/** True when the number the gate compares (rate or lower bound) is below `threshold`. */
export function isBelow(share: JudgedShare, threshold: number, thresholds: Thresholds): boolean {
  if (share.rate === null) return false;
  const compared = thresholds.gateOn === 'lower-bound' && share.interval !== null ? share.interval.low : share.rate;
  return compared < threshold;
}

/**
 * "hop-continuity 0.91 < 0.99 on api→worker (n=1000: …)", or with lower-bound gating
 * "hop-continuity lower bound 0.987 < 0.99 on api→worker (rate 0.991, n=1000: …)".
 */
export function belowThresholdReason(
  checkId: string,
  where: string,
  share: JudgedShare,
  threshold: number,
  thresholds: Thresholds,
  details: readonly string[],
): string {
  const rate = share.rate ?? 0;
  const on = where === '' ? '' : ` on ${where}`;
  const tail = details.length > 0 ? `: ${details.join(', ')}` : '';
  if (thresholds.gateOn === 'lower-bound' && share.interval !== null) {
    const low = formatShare(share.interval.low, threshold);
    return `${checkId} lower bound ${low} < ${threshold}${on} (rate ${formatShare(rate, threshold)}, n=${share.n}${tail})`;
  }
  return `${checkId} ${formatShare(rate, threshold)} < ${threshold}${on} (n=${share.n}${tail})`;
}

/** "root-coverage on GET /health: 12 samples, fewer than the minimum of 30". */
export function tooFewSamplesReason(checkId: string, where: string, n: number, thresholds: Thresholds): string {
  const on = where === '' ? '' : ` on ${where}`;
  return `${checkId}${on}: ${n} samples, fewer than the minimum of ${thresholds.minSamples}`;
}
