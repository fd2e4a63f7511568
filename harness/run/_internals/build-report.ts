import type { Report } from '../../report/report.js';
import { REPORT_SCHEMA_VERSION } from '../../report/report.js';
import { decideVerdict } from '../../verdict/decide-verdict.js';

/**
 * Everything a report is made of, gathered by the run: the report's own fields, less those the verdict decides and
 * with the start time as a number.
 */
export type ReportParts = Omit<Report, 'schemaVersion' | 'verdict' | 'exitCode' | 'reasons' | 'startedAt'> & {
  readonly startedAtUnixMs: number;
};

/** Report v1 from its parts, with the verdict, exit code and reasons decided from them. */
export function buildReport(parts: ReportParts): Report {
  const decision = decideVerdict({
    checks: parts.checks,
    harness: parts.harness,
    thresholds: parts.thresholds,
    error: parts.error,
  });
  const { startedAtUnixMs, ...fields } = parts;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    ...fields,
    verdict: decision.verdict,
    exitCode: decision.exitCode,
    reasons: decision.reasons,
    startedAt: new Date(startedAtUnixMs).toISOString(),
    durationMs: Math.round(parts.durationMs),
  };
}
