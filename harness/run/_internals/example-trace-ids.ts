import type { ReportCheck } from '../../report/report-checks.js';

/**
 * The trace ids the checks point at, each once, in check order: every check's examples, then the downstream
 * traces of restarted hops (where the lost work ended up).
 */
export function exampleTraceIds(checks: readonly ReportCheck[]): string[] {
  const ids = new Set<string>();
  for (const check of checks) for (const id of check.examples) ids.add(id);
  for (const check of checks) {
    if (check.id !== 'hop-continuity') continue;
    for (const edge of check.edges) {
      for (const example of edge.examples) {
        ids.add(example.traceId);
        if (example.downstreamTraceId !== null) ids.add(example.downstreamTraceId);
      }
    }
  }
  return [...ids];
}
