/** A complete Report v1 of a failing run, for the report tests: every field set, every check kind present. */
import { compactTrace } from '../../harness/report/compact-trace.js';
import type { Report } from '../../harness/report/report.js';
import type { ReportCheck } from '../../harness/report/report-checks.js';
import { decideVerdict } from '../../harness/verdict/decide-verdict.js';
import { DEFAULT_THRESHOLDS } from '../../harness/verdict/thresholds.js';
import { wilsonInterval } from '../../harness/verdict/wilson-interval.js';
import { sampleLog, sampleResource, sampleSpan } from '../support/otlp-samples.js';

export const UPSTREAM_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
export const RESTARTED_TRACE = '5cf92f3577b34da6a3ce929d0e0e4737';
export const UNCOVERED_TRACE = '6df92f3577b34da6a3ce929d0e0e4738';
const PRODUCER_SPAN = '00f067aa0ba902b7';
const CONSUMER_SPAN = '1a2b3c4d5e6f7081';

const checks: ReportCheck[] = [
  {
    id: 'root-coverage',
    status: 'pass',
    value: 0.97,
    threshold: 0.95,
    n: 1000,
    interval: wilsonInterval(970, 1000),
    note: null,
    covered: 970,
    examples: [],
    routes: [
      {
        route: 'POST /api/checkout',
        n: 1000,
        covered: 970,
        rate: 0.97,
        interval: wilsonInterval(970, 1000),
        status: 'pass',
        examples: [UNCOVERED_TRACE],
      },
    ],
  },
  {
    id: 'hop-continuity',
    status: 'fail',
    value: 0.955,
    threshold: 0.99,
    n: 2000,
    interval: wilsonInterval(1910, 2000),
    note: null,
    continuous: 1910,
    examples: [UPSTREAM_TRACE],
    edges: [
      {
        from: 'api',
        to: 'relay',
        via: 'outbox',
        accepts: 'child-or-link',
        source: 'scenario',
        n: 1000,
        continuous: 1000,
        asChild: 1000,
        asLink: 0,
        rate: 1,
        interval: wilsonInterval(1000, 1000),
        status: 'pass',
        breaks: { restarted: 0, orphaned: 0, missing: 0, late: 0, unsampled: 0 },
        attribution: { traceId: 0, messageId: 0, baggage: 0, timing: 0, none: 0 },
        examples: [],
      },
      {
        from: 'api',
        to: 'worker',
        via: 'messaging',
        accepts: 'child-or-link',
        source: 'inferred',
        n: 1000,
        continuous: 910,
        asChild: 0,
        asLink: 910,
        rate: 0.91,
        interval: wilsonInterval(910, 1000),
        status: 'fail',
        breaks: { restarted: 82, orphaned: 0, missing: 8, late: 0, unsampled: 0 },
        attribution: { traceId: 0, messageId: 80, baggage: 2, timing: 0, none: 8 },
        examples: [
          {
            traceId: UPSTREAM_TRACE,
            upstreamSpanId: PRODUCER_SPAN,
            break: 'restarted',
            attributedBy: 'messageId',
            downstreamTraceId: RESTARTED_TRACE,
            downstreamSpanId: CONSUMER_SPAN,
          },
        ],
      },
    ],
  },
  {
    id: 'error-recording',
    status: 'pass',
    value: 1,
    threshold: 1,
    n: 12,
    interval: wilsonInterval(12, 12),
    note: null,
    recorded: 12,
    examples: [],
    operations: [
      {
        service: 'api',
        operation: 'POST /api/checkout',
        n: 12,
        recorded: 12,
        withoutErrorStatus: 0,
        withoutExceptionEvent: 0,
        status: 'pass',
        examples: [],
      },
    ],
  },
  {
    id: 'log-correlation',
    status: 'pass',
    value: 0.995,
    threshold: 0.99,
    n: 4000,
    interval: wilsonInterval(3980, 4000),
    note: null,
    correlated: 3980,
    leaked: 0,
    examples: [],
    services: [
      {
        service: 'worker',
        n: 4000,
        correlated: 3980,
        withoutIds: 20,
        unresolved: 0,
        leaked: 0,
        rate: 0.995,
        interval: wilsonInterval(3980, 4000),
        status: 'pass',
        examples: [{ traceId: UPSTREAM_TRACE, problem: 'no-ids', loggedTraceId: null, excerpt: 'charging order 42' }],
      },
    ],
  },
  {
    id: 'hygiene',
    status: 'pass',
    value: null,
    threshold: null,
    n: 9000,
    interval: null,
    note: 'hygiene findings are reported; set failOnHygiene to gate on them',
    examples: [],
    problems: [
      {
        code: 'span.name-cardinality',
        level: 'warn',
        count: 1,
        message: 'service worker has 400 distinct span names, e.g. "charge order 42"',
        examples: [UPSTREAM_TRACE],
      },
    ],
  },
];

const harness: Report['harness'] = {
  spansReceived: 9000,
  logsReceived: 4100,
  spansRejected: 0,
  logsRejected: 0,
  lateSpans: 3,
  lateLogs: 0,
  spansDuplicate: 2,
  findingsDropped: 0,
  exportsRefused: 0,
  exportsThrottled: 1,
  deadlineReached: false,
  tracesNotQuiet: 0,
  timeToVerdictMs: 412.5,
};

const api = sampleResource('api');
const worker = sampleResource('worker');
const upstreamSpans = [
  sampleSpan({
    traceId: UPSTREAM_TRACE,
    spanId: 'aaaaaaaaaaaaaaa1',
    parentSpanId: '',
    name: 'POST /api/checkout',
    resource: api,
    attributes: { 'http.request.method': 'POST', 'http.request.header.authorization': 'Bearer s3cr3t' },
  }),
  sampleSpan({
    traceId: UPSTREAM_TRACE,
    spanId: PRODUCER_SPAN,
    parentSpanId: 'aaaaaaaaaaaaaaa1',
    name: 'orders publish',
    kind: 'producer',
    resource: api,
    startTimeUnixNano: 1_700_000_000_130_000_000n,
    endTimeUnixNano: 1_700_000_000_131_000_000n,
    attributes: {
      'messaging.message.id': 'm-42',
      'order.total.cents': 2n ** 60n,
      'payload.digest': new Uint8Array([1, 2]),
    },
  }),
];
const restartedSpans = [
  sampleSpan({
    traceId: RESTARTED_TRACE,
    spanId: CONSUMER_SPAN,
    parentSpanId: '',
    name: 'orders process',
    kind: 'consumer',
    resource: worker,
    status: { code: 'error', message: 'card declined' },
    events: [
      { name: 'exception', timeUnixNano: 1_700_000_000_300_000_000n, attributes: { 'exception.type': 'Error' } },
    ],
    links: [{ traceId: UPSTREAM_TRACE, spanId: PRODUCER_SPAN, traceState: '', attributes: {} }],
  }),
];

/** The example report: a FAIL on the api→worker hop, decided by decideVerdict. */
export function exampleReport(): Report {
  const decision = decideVerdict({ checks, harness, thresholds: DEFAULT_THRESHOLDS });
  return {
    schemaVersion: 1,
    tracegateVersion: '0.1.0',
    verdict: decision.verdict,
    exitCode: decision.exitCode,
    reasons: decision.reasons,
    error: null,
    scenario: 'checkout',
    runId: 'r-20250301-1200',
    seed: 42,
    startedAt: '2025-03-01T12:00:00.000Z',
    durationMs: 15_230,
    thresholds: DEFAULT_THRESHOLDS,
    traffic: {
      sent: 1000,
      completed: 998,
      failed: 2,
      durationMs: 10_000,
      propagation: 'inject',
      correlation: { injected: 1000, traceResponse: 0, requestId: 0, timing: 0, uncorrelated: 0 },
    },
    checks,
    findings: [
      { level: 'warn', code: 'span.negative-duration', message: 'span "charge" ends 5 ns before it starts' },
      {
        level: 'error',
        code: 'span.duplicate-conflict',
        message: 'span arrived twice with different content',
        traceId: UPSTREAM_TRACE,
        spanId: PRODUCER_SPAN,
      },
    ],
    harness,
    traces: [
      compactTrace(UPSTREAM_TRACE, upstreamSpans, {
        logs: [sampleLog({ traceId: UPSTREAM_TRACE, spanId: PRODUCER_SPAN, attributes: { 'user.password': 'x' } })],
      }),
      compactTrace(RESTARTED_TRACE, restartedSpans),
    ],
    tracesOmitted: 0,
  };
}
