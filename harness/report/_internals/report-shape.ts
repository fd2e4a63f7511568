import type { Report } from '../report.js';
import { reportCheck } from './check-shapes.js';
import { spanIdOrEmpty, traceIdOrEmpty } from './id-shapes.js';
import type { Shape } from './shape.js';
import {
  array,
  boolean,
  count,
  integer,
  matching,
  nonEmptyString,
  nullable,
  number,
  object,
  oneOf,
  scalar,
  share,
  string,
} from './shape.js';
import { reportTrace } from './trace-shapes.js';

const milliseconds = number('a non-negative number of milliseconds', { minimum: 0 });

const thresholds = object({
  minRootCoverage: share,
  minHopContinuity: share,
  minLogCorrelation: share,
  gateOn: oneOf('estimate', 'lower-bound'),
  confidence: scalar<number>(
    'a number strictly between 0 and 1',
    (value) => typeof value === 'number' && value > 0 && value < 1,
  ),
  minSamples: scalar<number>('a positive integer', (value) => Number.isInteger(value) && (value as number) >= 1),
  failOnHygiene: boolean,
});

const traffic = object({
  sent: count,
  completed: count,
  failed: count,
  durationMs: milliseconds,
  propagation: oneOf('inject', 'none'),
  correlation: object({ injected: count, traceResponse: count, requestId: count, timing: count, uncorrelated: count }),
});

const harness = object({
  spansReceived: count,
  logsReceived: count,
  spansRejected: count,
  logsRejected: count,
  lateSpans: count,
  lateLogs: count,
  spansDuplicate: count,
  findingsDropped: count,
  exportsRefused: count,
  exportsThrottled: count,
  deadlineReached: boolean,
  tracesNotQuiet: count,
  timeToVerdictMs: nullable(milliseconds),
});

const finding = object(
  { level: oneOf('info', 'warn', 'error'), code: nonEmptyString, message: string },
  { traceId: traceIdOrEmpty, spanId: spanIdOrEmpty },
);

const runError = object({ code: nonEmptyString, message: string, service: nullable(string), output: array(string) });

/** A whole version 1 report; mirrors reporters/json/report.schema.json. */
export const report: Shape<Report> = object({
  schemaVersion: oneOf(1),
  tracegateVersion: nonEmptyString,
  verdict: oneOf('PASS', 'FAIL', 'INCONCLUSIVE', 'ERROR'),
  exitCode: oneOf(0, 1, 2, 3),
  reasons: array(string),
  error: nullable(runError),
  scenario: nonEmptyString,
  runId: nonEmptyString,
  seed: integer,
  startedAt: matching(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/,
    'an ISO 8601 time in UTC such as 2025-03-01T12:00:00.000Z',
  ),
  durationMs: milliseconds,
  thresholds,
  traffic,
  checks: array(reportCheck),
  findings: array(finding),
  harness,
  traces: array(reportTrace),
  tracesOmitted: count,
});
