import type { Store } from '../../collect/store.js';
import { compactTrace } from '../../report/compact-trace.js';
import type { ReportCheck } from '../../report/report-checks.js';
import type { ReportTrace } from '../../report/report-trace.js';
import { exampleTraceIds } from './example-trace-ids.js';

/** The example traces the checks point at, compact, at most `limit`; traces with nothing stored are left out. */
export function exampleTraces(
  store: Store,
  checks: readonly ReportCheck[],
  limit: number,
): { traces: ReportTrace[]; omitted: number } {
  const logs = store.logs();
  const traces: ReportTrace[] = [];
  let omitted = 0;
  for (const traceId of exampleTraceIds(checks)) {
    const spans = store.trace(traceId);
    const hasLogs = logs.some((log) => log.traceId === traceId);
    if (spans.length === 0 && !hasLogs) continue;
    if (traces.length >= limit) omitted++;
    else traces.push(compactTrace(traceId, spans, { logs }));
  }
  return { traces, omitted };
}
