import type { CheckStatus, RowStatus } from '../verdict/check-status.js';
import type { ConfidenceInterval } from '../verdict/wilson-interval.js';

/** The five checks of DESIGN.md, by their stable ids. */
export type CheckId = 'root-coverage' | 'hop-continuity' | 'error-recording' | 'log-correlation' | 'hygiene';

/** Every check id, in the order reports list checks. */
export const CHECK_IDS: readonly CheckId[] = Object.freeze([
  'root-coverage',
  'hop-continuity',
  'error-recording',
  'log-correlation',
  'hygiene',
]);

/** What every check reports, whatever it measures. */
export interface ReportCheckBase {
  readonly id: CheckId;
  readonly status: CheckStatus;
  /** The measured share (successes / n), or null for checks that count findings or had nothing to measure. */
  readonly value: number | null;
  /** The least share that passes, or null where no share is judged (hygiene). */
  readonly threshold: number | null;
  /** How many things the check judged: requests, hops, failing units, logs, spans. */
  readonly n: number;
  /** Wilson interval of `value` at the report's confidence, or null where `value` is null. */
  readonly interval: ConfidenceInterval | null;
  /** Why the check skipped or what limited it, in a sentence; null when there is nothing to add. */
  readonly note: string | null;
  /** Trace ids that show this check's failures (the first few, across rows); empty when nothing failed. */
  readonly examples: readonly string[];
}

/** Root-span coverage of one route ("METHOD /path" as the traffic plan names it). */
export interface RouteCoverage {
  readonly route: string;
  readonly n: number;
  /** Requests whose entry span was received. */
  readonly covered: number;
  readonly rate: number | null;
  readonly interval: ConfidenceInterval;
  readonly status: RowStatus;
  /** Trace ids of requests that produced no entry span. */
  readonly examples: readonly string[];
}

export interface RootCoverageCheck extends ReportCheckBase {
  readonly id: 'root-coverage';
  readonly covered: number;
  readonly routes: readonly RouteCoverage[];
}

/** How a hop crosses from one service to the next. */
export type HopVia = 'http' | 'rpc' | 'messaging' | 'outbox' | 'job' | 'other';

/** Why a hop is broken (DESIGN.md, Checks). */
export type BreakClass = 'restarted' | 'orphaned' | 'missing' | 'late' | 'unsampled';

/**
 * How a broken hop was tied to its upstream: the downstream span sits in the upstream's trace (`traceId`), carries
 * its `messaging.message.id` (`messageId`), carries the tracegate baggage (`baggage`), started right after it
 * (`timing`), or nothing downstream was found to tie (`none`: missing and unsampled hops).
 */
export type AttributionMethod = 'traceId' | 'messageId' | 'baggage' | 'timing' | 'none';

export type BreakCounts = Readonly<Record<BreakClass, number>>;
export type AttributionCounts = Readonly<Record<AttributionMethod, number>>;

/** One broken hop, enough to find and draw it. */
export interface BrokenHopExample {
  /** The upstream trace (the request's trace). */
  readonly traceId: string;
  readonly upstreamSpanId: string;
  readonly break: BreakClass;
  readonly attributedBy: AttributionMethod;
  /** Where the downstream work ended up, when it was found: another trace for a restarted hop. */
  readonly downstreamTraceId: string | null;
  readonly downstreamSpanId: string | null;
}

/** Continuity of one edge between services. */
export interface HopEdge {
  readonly from: string;
  readonly to: string;
  readonly via: HopVia;
  /** Whether a span link counts as continuing the trace, or only a child does (`--hop api>worker:child`). */
  readonly accepts: 'child' | 'child-or-link';
  /** Declared by the scenario or `--hop`, or inferred from the observed service graph. */
  readonly source: 'scenario' | 'inferred';
  readonly n: number;
  readonly continuous: number;
  /** Continuous hops by how they continued; asChild + asLink = continuous. */
  readonly asChild: number;
  readonly asLink: number;
  readonly rate: number | null;
  readonly interval: ConfidenceInterval;
  readonly status: RowStatus;
  /** Broken hops by class; they add up to n - continuous. */
  readonly breaks: BreakCounts;
  /** Broken hops by how they were tied to their upstream; they add up to n - continuous. */
  readonly attribution: AttributionCounts;
  readonly examples: readonly BrokenHopExample[];
}

export interface HopContinuityCheck extends ReportCheckBase {
  readonly id: 'hop-continuity';
  readonly continuous: number;
  readonly edges: readonly HopEdge[];
}

/** What was wrong with one piece of failing work. */
export type ErrorRecordingProblem = 'no-error-status' | 'no-exception-event';

export interface ErrorRecordingExample {
  readonly traceId: string;
  /** The span that should have recorded the error, or null when the failing request produced no span. */
  readonly spanId: string | null;
  readonly problem: ErrorRecordingProblem;
}

/** Error recording of one operation: a route for failing requests, a span name for failing spans. */
export interface ErrorRecordingRow {
  readonly service: string;
  readonly operation: string;
  /** Failing units seen. */
  readonly n: number;
  /** Units with ERROR status and an `exception` event carrying type, message and stacktrace. */
  readonly recorded: number;
  readonly withoutErrorStatus: number;
  readonly withoutExceptionEvent: number;
  readonly status: RowStatus;
  readonly examples: readonly ErrorRecordingExample[];
}

export interface ErrorRecordingCheck extends ReportCheckBase {
  readonly id: 'error-recording';
  readonly recorded: number;
  readonly operations: readonly ErrorRecordingRow[];
}

/** What was wrong with one request-scoped log line. */
export type LogProblem = 'no-ids' | 'unresolved' | 'leaked';

export interface LogCorrelationExample {
  /** The trace of the request that wrote the log. */
  readonly traceId: string;
  readonly problem: LogProblem;
  /** The trace id the log carried, when it carried one (for leakage: the other request's). */
  readonly loggedTraceId: string | null;
  /** The start of the log's body, for recognising it. */
  readonly excerpt: string;
}

/** Log correlation of one service's request-scoped logs. */
export interface LogCorrelationRow {
  readonly service: string;
  readonly n: number;
  /** Logs whose ids resolve to a span of the right trace and service. */
  readonly correlated: number;
  readonly withoutIds: number;
  /** Logs with ids that name no span of the right trace and service. */
  readonly unresolved: number;
  /** Logs carrying another concurrent request's trace id: always a failure. */
  readonly leaked: number;
  readonly rate: number | null;
  readonly interval: ConfidenceInterval;
  readonly status: RowStatus;
  readonly examples: readonly LogCorrelationExample[];
}

export interface LogCorrelationCheck extends ReportCheckBase {
  readonly id: 'log-correlation';
  readonly correlated: number;
  readonly leaked: number;
  readonly services: readonly LogCorrelationRow[];
}

/** Hygiene findings of one kind. */
export interface HygieneRow {
  /** The finding code, such as `span.name-cardinality`. */
  readonly code: string;
  readonly level: 'info' | 'warn' | 'error';
  readonly count: number;
  /** A sentence on the first occurrence, such as the span names that exploded. */
  readonly message: string;
  readonly examples: readonly string[];
}

export interface HygieneCheck extends ReportCheckBase {
  readonly id: 'hygiene';
  readonly problems: readonly HygieneRow[];
}

/** One entry of `report.checks`, told apart by `id`. */
export type ReportCheck =
  RootCoverageCheck | HopContinuityCheck | ErrorRecordingCheck | LogCorrelationCheck | HygieneCheck;
