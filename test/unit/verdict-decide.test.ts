import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from '../../harness/errors.js';
import type {
  ErrorRecordingCheck,
  HopContinuityCheck,
  HopEdge,
  HygieneCheck,
  LogCorrelationCheck,
  ReportCheck,
  RootCoverageCheck,
  RouteCoverage,
} from '../../harness/report/report-checks.js';
import type { HarnessHealth, VerdictInput } from '../../harness/verdict/decide-verdict.js';
import { decideVerdict } from '../../harness/verdict/decide-verdict.js';
import { judgeRate } from '../../harness/verdict/judge-rate.js';
import { rateRule } from '../../harness/verdict/rate-rule.js';
import { DEFAULT_THRESHOLDS, resolveThresholds } from '../../harness/verdict/thresholds.js';
import type { Thresholds } from '../../harness/verdict/thresholds.js';
import { VERDICT_EXIT_CODES, exitCodeFor, opensGate } from '../../harness/verdict/verdict.js';
import { exampleReport } from './report-example.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const HEALTHY: HarnessHealth = {
  spansRejected: 0,
  logsRejected: 0,
  exportsRefused: 0,
  findingsDropped: 0,
  tracesNotQuiet: 0,
};

function route(name: string, covered: number, n: number, thresholds = DEFAULT_THRESHOLDS): RouteCoverage {
  const judged = judgeRate(covered, n, rateRule(thresholds, 'root-coverage'));
  return {
    route: name,
    n,
    covered,
    rate: judged.value,
    interval: judged.interval,
    status: judged.status,
    examples: [],
  };
}

function rootCoverage(routes: RouteCoverage[], status: RootCoverageCheck['status']): RootCoverageCheck {
  const n = routes.reduce((sum, row) => sum + row.n, 0);
  const covered = routes.reduce((sum, row) => sum + row.covered, 0);
  const overall = judgeRate(covered, n, { ...rateRule(DEFAULT_THRESHOLDS, 'root-coverage'), minSamples: 1 });
  return {
    id: 'root-coverage',
    status,
    value: overall.value,
    threshold: 0.95,
    n,
    interval: overall.interval,
    note: null,
    covered,
    examples: [],
    routes,
  };
}

function edge(from: string, to: string, continuous: number, n: number, thresholds = DEFAULT_THRESHOLDS): HopEdge {
  const judged = judgeRate(continuous, n, rateRule(thresholds, 'hop-continuity'));
  const broken = n - continuous;
  return {
    from,
    to,
    via: 'messaging',
    accepts: 'child-or-link',
    source: 'scenario',
    n,
    continuous,
    asChild: continuous,
    asLink: 0,
    rate: judged.value,
    interval: judged.interval,
    status: judged.status,
    breaks: {
      restarted: broken - Math.min(8, broken),
      orphaned: 0,
      missing: Math.min(8, broken),
      late: 0,
      unsampled: 0,
    },
    attribution: { traceId: 0, messageId: broken, baggage: 0, timing: 0, none: 0 },
    examples:
      broken === 0
        ? []
        : [
            {
              traceId: TRACE,
              upstreamSpanId: '00f067aa0ba902b7',
              break: 'restarted',
              attributedBy: 'messageId',
              downstreamTraceId: null,
              downstreamSpanId: null,
            },
          ],
  };
}

function hopContinuity(edges: HopEdge[], status: HopContinuityCheck['status']): HopContinuityCheck {
  const n = edges.reduce((sum, row) => sum + row.n, 0);
  const continuous = edges.reduce((sum, row) => sum + row.continuous, 0);
  return {
    id: 'hop-continuity',
    status,
    value: n === 0 ? null : continuous / n,
    threshold: 0.99,
    n,
    interval: null,
    note: n === 0 ? 'no edges were declared or observed' : null,
    continuous,
    examples: [],
    edges,
  };
}

const passingCoverage = rootCoverage([route('POST /api/checkout', 970, 1000)], 'pass');
const skippedHops = hopContinuity([], 'skip');

function decide(checks: ReportCheck[], harness: Partial<HarnessHealth> = {}, thresholds?: Thresholds) {
  const input: VerdictInput = {
    checks,
    harness: { ...HEALTHY, ...harness },
    thresholds: thresholds ?? DEFAULT_THRESHOLDS,
  };
  return decideVerdict(input);
}

describe('decideVerdict', () => {
  it('PASS (0) when every judged check passes, saying what each measured', () => {
    expect(decide([passingCoverage, skippedHops])).toEqual({
      verdict: 'PASS',
      exitCode: 0,
      reasons: ['root-coverage 0.97 ≥ 0.95 (n=1000)', 'hop-continuity skipped: no edges were declared or observed'],
    });
  });

  it('FAIL (1) names the check, the value, the threshold, the edge, the break classes and an example trace', () => {
    const hops = hopContinuity([edge('api', 'relay', 1000, 1000), edge('api', 'worker', 910, 1000)], 'fail');
    expect(decide([passingCoverage, hops])).toEqual({
      verdict: 'FAIL',
      exitCode: 1,
      reasons: [`hop-continuity 0.91 < 0.99 on api→worker (n=1000: 82 restarted, 8 missing, e.g. trace ${TRACE})`],
    });
  });

  it('FAIL with lower-bound gating says it was the lower bound that fell short', () => {
    const strict = resolveThresholds({ gateOn: 'lower-bound' });
    const coverage = rootCoverage([route('POST /api/checkout', 955, 1000, strict)], 'fail');
    expect(coverage.routes[0]!.status).toBe('fail');
    expect(decide([coverage], {}, strict).reasons).toEqual([
      'root-coverage lower bound 0.9403 < 0.95 on POST /api/checkout (rate 0.955, n=1000: 45 without an entry span)',
    ]);
  });

  it('shows as many decimals as keep the comparison honest: 0.949996 < 0.95, not 0.95 < 0.95', () => {
    const coverage = rootCoverage([route('GET /a', 949_996, 1_000_000)], 'fail');
    expect(decide([coverage]).reasons[0]).toMatch(/^root-coverage 0\.949996 < 0\.95 on GET \/a /);
    const passing = rootCoverage([route('GET /a', 99_995, 100_000)], 'pass');
    const strict = resolveThresholds({ minRootCoverage: 0.9999 });
    expect(decide([{ ...passing, threshold: 0.9999 }], {}, strict).reasons).toEqual([
      'root-coverage 0.99995 ≥ 0.9999 (n=100000)',
    ]);
  });

  it('INCONCLUSIVE (2) below the minimum sample, naming the row and the minimum', () => {
    const coverage = rootCoverage(
      [route('POST /api/checkout', 970, 1000), route('GET /health', 12, 12)],
      'inconclusive',
    );
    expect(decide([coverage])).toEqual({
      verdict: 'INCONCLUSIVE',
      exitCode: 2,
      reasons: ['root-coverage on GET /health: 12 samples, fewer than the minimum of 30'],
    });
  });

  it('a proven failure outranks another check that could not decide', () => {
    const coverage = rootCoverage([route('GET /health', 12, 12)], 'inconclusive');
    const hops = hopContinuity([edge('api', 'worker', 910, 1000)], 'fail');
    const decision = decide([coverage, hops]);
    expect(decision.verdict).toBe('FAIL');
    expect(decision.reasons).toEqual([
      expect.stringMatching(/^hop-continuity 0\.91 < 0\.99 on api→worker/),
      'root-coverage on GET /health: 12 samples, fewer than the minimum of 30',
    ]);
  });

  it.each([
    [{ spansRejected: 12 }, 'the harness rejected 12 spans at the receiver or store'],
    [{ logsRejected: 1 }, 'the harness rejected 1 log at the receiver or store'],
    [{ exportsRefused: 2 }, 'the receiver refused 2 export requests whole; their spans and logs are lost'],
    [{ findingsDropped: 150 }, 'the harness dropped 150 findings because its list was full'],
    [{ tracesNotQuiet: 4 }, 'the deadline passed while 4 traces still received spans; they were judged incomplete'],
  ])('harness-side loss %p is INCONCLUSIVE even with a failing check, never a FAIL of the service', (loss, reason) => {
    const hops = hopContinuity([edge('api', 'worker', 910, 1000)], 'fail');
    const decision = decide([passingCoverage, hops], loss);
    expect(decision.verdict).toBe('INCONCLUSIVE');
    expect(decision.exitCode).toBe(2);
    // The loss comes first; the failure it may explain is still shown.
    expect(decision.reasons).toEqual([reason, expect.stringMatching(/^hop-continuity 0\.91 < 0\.99 on api→worker/)]);
  });

  it('harness-side loss also withholds a PASS: lost spans could have hidden a failure', () => {
    expect(decide([passingCoverage], { spansRejected: 1 }).verdict).toBe('INCONCLUSIVE');
  });

  it('INCONCLUSIVE when no check had anything to judge', () => {
    expect(decide([skippedHops])).toEqual({
      verdict: 'INCONCLUSIVE',
      exitCode: 2,
      reasons: ['no check had anything to judge', 'hop-continuity skipped: no edges were declared or observed'],
    });
    expect(decide([]).verdict).toBe('INCONCLUSIVE');
  });

  it('ERROR (3) when the run could not be made, whatever the checks and the harness say', () => {
    const hops = hopContinuity([edge('api', 'worker', 910, 1000)], 'fail');
    const error = {
      code: 'TRACEGATE_ERR_SERVICE_EXITED',
      message: 'service worker exited with code 1 before it was ready',
      service: 'worker',
      output: ['Error: connect ECONNREFUSED 127.0.0.1:5672'],
    };
    const decision = decideVerdict({
      checks: [hops],
      harness: { ...HEALTHY, spansRejected: 3 },
      thresholds: DEFAULT_THRESHOLDS,
      error,
    });
    expect(decision).toEqual({
      verdict: 'ERROR',
      exitCode: 3,
      reasons: ['service worker exited with code 1 before it was ready (TRACEGATE_ERR_SERVICE_EXITED)'],
    });
  });

  it('explains leakage, unrecorded errors and hygiene failures in their own words', () => {
    const logs: LogCorrelationCheck = {
      id: 'log-correlation',
      status: 'fail',
      value: 0.999,
      threshold: 0.99,
      n: 1000,
      interval: { low: 0.994, high: 0.9998 },
      note: null,
      correlated: 999,
      leaked: 1,
      examples: [TRACE],
      services: [
        {
          service: 'api',
          n: 1000,
          correlated: 999,
          withoutIds: 0,
          unresolved: 0,
          leaked: 1,
          rate: 0.999,
          interval: { low: 0.994, high: 0.9998 },
          status: 'fail',
          examples: [{ traceId: TRACE, problem: 'leaked', loggedTraceId: null, excerpt: 'paid' }],
        },
      ],
    };
    const errors: ErrorRecordingCheck = {
      id: 'error-recording',
      status: 'fail',
      value: 0.75,
      threshold: 1,
      n: 4,
      interval: null,
      note: null,
      recorded: 3,
      examples: [TRACE],
      operations: [
        {
          service: 'worker',
          operation: 'orders process',
          n: 4,
          recorded: 3,
          withoutErrorStatus: 0,
          withoutExceptionEvent: 1,
          status: 'fail',
          examples: [{ traceId: TRACE, spanId: '00f067aa0ba902b7', problem: 'no-exception-event' }],
        },
      ],
    };
    const hygiene: HygieneCheck = {
      id: 'hygiene',
      status: 'fail',
      value: null,
      threshold: null,
      n: 5000,
      interval: null,
      note: null,
      examples: [],
      problems: [
        { code: 'span.name-cardinality', level: 'warn', count: 1, message: 'worker has 400 span names', examples: [] },
      ],
    };
    expect(decide([logs, errors, hygiene], {}, resolveThresholds({ failOnHygiene: true })).reasons).toEqual([
      `log-correlation on api: 1 log carried another request's trace id (e.g. trace ${TRACE})`,
      `error-recording on worker orders process: 1 of 4 failing not recorded (1 without an exception event) (e.g. trace ${TRACE})`,
      'hygiene: 1 span.name-cardinality finding: worker has 400 span names',
    ]);
  });

  it('explains a check that failed or could not decide as a whole when no row says why', () => {
    const failing = { ...hopContinuity([], 'fail'), n: 1000, value: 0.5, interval: { low: 0.47, high: 0.53 } };
    expect(decide([failing]).reasons).toEqual(['hop-continuity 0.5 < 0.99 (n=1000)']);
    const undecided: ReportCheck = { ...hopContinuity([], 'inconclusive'), n: 3, value: 1, note: null };
    expect(decide([undecided]).reasons).toEqual(['hop-continuity: 3 samples, fewer than the minimum of 30']);
  });

  it('decides a whole Report, as `tracegate gate` will', () => {
    const report = exampleReport();
    expect(decideVerdict(report)).toEqual({ verdict: 'FAIL', exitCode: 1, reasons: report.reasons });
  });

  it('refuses harness counts that are not counts, naming the field', () => {
    expect(() => decide([passingCoverage], { spansRejected: -1 })).toThrow(InvalidArgumentError);
    expect(() => decide([passingCoverage], { tracesNotQuiet: Number.NaN })).toThrow(
      'tracegate.decideVerdict(): harness.tracesNotQuiet must be a non-negative integer, got NaN',
    );
  });
});

describe('exit codes and gates', () => {
  it('maps PASS, FAIL, INCONCLUSIVE, ERROR to 0, 1, 2, 3', () => {
    expect(VERDICT_EXIT_CODES).toEqual({ PASS: 0, FAIL: 1, INCONCLUSIVE: 2, ERROR: 3 });
    expect(['PASS', 'FAIL', 'INCONCLUSIVE', 'ERROR'].map((v) => exitCodeFor(v as never))).toEqual([0, 1, 2, 3]);
  });

  it('opens the gate for PASS only', () => {
    expect(opensGate('PASS')).toBe(true);
    expect(opensGate('FAIL')).toBe(false);
    expect(opensGate('INCONCLUSIVE')).toBe(false);
    expect(opensGate('ERROR')).toBe(false);
  });
});
