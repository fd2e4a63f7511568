// Report version 1: the value every reporter renders and every pipeline reads (docs/report.md).
export type { Report, ReportError, ReportHarness, ReportTraffic } from './report.js';
export { REPORT_SCHEMA_VERSION } from './report.js';
export type {
  AttributionCounts,
  AttributionMethod,
  BreakClass,
  BreakCounts,
  BrokenHopExample,
  CheckId,
  ErrorRecordingCheck,
  ErrorRecordingExample,
  ErrorRecordingProblem,
  ErrorRecordingRow,
  HopContinuityCheck,
  HopEdge,
  HopVia,
  HygieneCheck,
  HygieneRow,
  LogCorrelationCheck,
  LogCorrelationExample,
  LogCorrelationRow,
  LogProblem,
  ReportCheck,
  ReportCheckBase,
  RootCoverageCheck,
  RouteCoverage,
} from './report-checks.js';
export { CHECK_IDS } from './report-checks.js';
export type {
  ReportAttributes,
  ReportLog,
  ReportSpan,
  ReportSpanEvent,
  ReportTrace,
  ReportValue,
} from './report-trace.js';
export type { CompactTraceOptions } from './compact-trace.js';
export { DEFAULT_REDACTED_KEYS, REDACTED, compactTrace } from './compact-trace.js';
export { parseReport } from './parse-report.js';
