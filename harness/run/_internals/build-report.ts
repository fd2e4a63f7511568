import type { Finding } from '../../model/finding.js';
import type { Report, ReportError, ReportHarness, ReportTraffic } from '../../report/report.js';
import { REPORT_SCHEMA_VERSION } from '../../report/report.js';
import type { ReportCheck } from '../../report/report-checks.js';
import type { ReportTrace } from '../../report/report-trace.js';
import { decideVerdict } from '../../verdict/decide-verdict.js';
import type { Thresholds } from '../../verdict/thresholds.js';

/** Everything a report is made of, gathered by the run. */
export interface ReportParts {
  readonly tracegateVersion: string;
  readonly scenario: string;
  readonly runId: string;
  readonly seed: number;
  readonly startedAtUnixMs: number;
  readonly durationMs: number;
  readonly thresholds: Thresholds;
  readonly traffic: ReportTraffic;
  readonly checks: readonly ReportCheck[];
  readonly findings: readonly Finding[];
  readonly harness: ReportHarness;
  readonly traces: readonly ReportTrace[];
  readonly tracesOmitted: number;
  readonly error: ReportError | null;
}

/** Report v1 from its parts, with the verdict, exit code and reasons decided from them. */
export function buildReport(parts: ReportParts): Report {
  const decision = decideVerdict({
    checks: parts.checks,
    harness: parts.harness,
    thresholds: parts.thresholds,
    error: parts.error,
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tracegateVersion: parts.tracegateVersion,
    verdict: decision.verdict,
    exitCode: decision.exitCode,
    reasons: decision.reasons,
    error: parts.error,
    scenario: parts.scenario,
    runId: parts.runId,
    seed: parts.seed,
    startedAt: new Date(parts.startedAtUnixMs).toISOString(),
    durationMs: Math.round(parts.durationMs),
    thresholds: parts.thresholds,
    traffic: parts.traffic,
    checks: parts.checks,
    findings: parts.findings,
    harness: parts.harness,
    traces: parts.traces,
    tracesOmitted: parts.tracesOmitted,
  };
}
