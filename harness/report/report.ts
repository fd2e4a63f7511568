import type { Finding } from '../model/finding.js';
import type { Thresholds } from '../verdict/thresholds.js';
import type { Verdict, VerdictExitCode } from '../verdict/verdict.js';
import type { ReportCheck } from './report-checks.js';
import type { ReportTrace } from './report-trace.js';

/** The report version this tracegate writes and reads. */
export const REPORT_SCHEMA_VERSION = 1;

/** Why a run ended in ERROR. */
export interface ReportError {
  /** A stable code such as `TRACEGATE_ERR_INVALID_ARGUMENT` or `TRACEGATE_ERR_SERVICE_EXITED`. */
  readonly code: string;
  readonly message: string;
  /** The service at fault, when one is. */
  readonly service: string | null;
  /** The last lines that service printed, oldest first. */
  readonly output: readonly string[];
}

/** The synthetic traffic the run sent. */
export interface ReportTraffic {
  /** Requests sent; sent = completed + failed. */
  readonly sent: number;
  /** Requests that got an HTTP response, whatever its status. */
  readonly completed: number;
  /** Requests that got no response: connection errors, timeouts, responses over the size cap. */
  readonly failed: number;
  readonly durationMs: number;
  /** `inject`: every request carried a traceparent; `none`: `--no-propagate`, the service starts the trace. */
  readonly propagation: 'inject' | 'none';
  /** Requests by how their trace was found (DESIGN.md, Correlation); they add up to `sent`. */
  readonly correlation: {
    readonly injected: number;
    readonly traceResponse: number;
    readonly requestId: number;
    readonly timing: number;
    readonly uncorrelated: number;
  };
}

/** What the harness itself received, refused and lost: the evidence that the verdict rests on all the data. */
export interface ReportHarness {
  readonly spansReceived: number;
  readonly logsReceived: number;
  /** Spans refused at a boundary (invalid ids, undecodable items): lost, so the verdict is INCONCLUSIVE. */
  readonly spansRejected: number;
  readonly logsRejected: number;
  /** Spans and logs that arrived after their trace was judged. */
  readonly lateSpans: number;
  readonly lateLogs: number;
  readonly spansDuplicate: number;
  /** Findings not kept because the list was full. */
  readonly findingsDropped: number;
  /** Export requests refused whole and not retried by OTLP senders (400, 401, 413, 415, 500). */
  readonly exportsRefused: number;
  /** Export requests answered 429; OTLP senders retry these, so they are not counted as lost. */
  readonly exportsThrottled: number;
  /** The run's hard deadline passed before every trace was complete. */
  readonly deadlineReached: boolean;
  /** Traces still receiving spans (not quiet) when the deadline passed: judged on partial data. */
  readonly tracesNotQuiet: number;
  /** From the last span received to the verdict; null when no span arrived. */
  readonly timeToVerdictMs: number | null;
}

/** Report version 1: the value every reporter renders and every pipeline reads (docs/report.md). */
export interface Report {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tracegateVersion: string;
  readonly verdict: Verdict;
  readonly exitCode: VerdictExitCode;
  /** Sentences a person reads to learn why the verdict is what it is, most important first. */
  readonly reasons: readonly string[];
  /** Set exactly when the verdict is ERROR. */
  readonly error: ReportError | null;
  /** The scenario's name, or `flags` for a run described by command-line flags alone. */
  readonly scenario: string;
  readonly runId: string;
  /** The seed of every random choice the run made; the same seed replays the same traffic plan. */
  readonly seed: number;
  /** ISO 8601 in UTC, e.g. 2025-03-01T12:00:00.000Z. */
  readonly startedAt: string;
  readonly durationMs: number;
  readonly thresholds: Thresholds;
  readonly traffic: ReportTraffic;
  readonly checks: readonly ReportCheck[];
  readonly findings: readonly Finding[];
  readonly harness: ReportHarness;
  /** The example traces the checks point at, compact. */
  readonly traces: readonly ReportTrace[];
  /** Example traces left out because the report was over its cap. */
  readonly tracesOmitted: number;
}
