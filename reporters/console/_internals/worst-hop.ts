import type { HopEdge, ReportCheck } from '../../../harness/report/report-checks.js';

/** The edge with the lowest continuity among those with a broken hop (most breaks first on a tie), if any. */
export function worstBrokenHop(checks: readonly ReportCheck[]): HopEdge | undefined {
  let worst: HopEdge | undefined;
  for (const check of checks) {
    if (check.id !== 'hop-continuity') continue;
    for (const edge of check.edges) {
      const broken = edge.n - edge.continuous;
      if (broken === 0) continue;
      const rate = edge.continuous / edge.n;
      const worstRate = worst === undefined ? 2 : worst.continuous / worst.n;
      if (rate < worstRate || (rate === worstRate && broken > worst!.n - worst!.continuous)) worst = edge;
    }
  }
  return worst;
}
