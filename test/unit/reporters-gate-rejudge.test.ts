import { describe, expect, it } from '@jest/globals';
import { rejudgeReport } from '../../ci/commands/gate-rejudge.js';
import type { Report } from '../../harness/report/report.js';
import { resolveThresholds } from '../../harness/verdict/thresholds.js';
import { exampleReport } from './report-example.js';

function check(report: Report, id: string) {
  return report.checks.find((entry) => entry.id === id)!;
}

describe('rejudgeReport', () => {
  it('changes nothing under the thresholds the report was judged by', () => {
    const report = exampleReport();
    expect(rejudgeReport(report, report.thresholds)).toEqual(report);
  });

  it('passes the broken edge under a looser gate, and decides the verdict again', () => {
    const report = rejudgeReport(exampleReport(), resolveThresholds({ minHopContinuity: 0.9 }));
    expect(report).toMatchObject({ verdict: 'PASS', exitCode: 0, thresholds: { minHopContinuity: 0.9 } });
    const hop = check(report, 'hop-continuity');
    expect(hop).toMatchObject({ status: 'pass', threshold: 0.9, value: 0.955 });
    expect(report.reasons).toContain('hop-continuity 0.955 ≥ 0.9 (n=2000)');
  });

  it('fails a passing route on its lower bound, keeping counts and examples', () => {
    const before = exampleReport();
    // 970/1000: the estimate clears 0.96, the lower bound (0.9575) does not.
    const report = rejudgeReport(
      before,
      resolveThresholds({ minRootCoverage: 0.96, minHopContinuity: 0.9, gateOn: 'lower-bound' }),
    );
    const coverage = check(report, 'root-coverage');
    expect(coverage.id === 'root-coverage' && coverage.routes[0]).toMatchObject({
      status: 'fail',
      covered: 970,
      n: 1000,
    });
    expect(report.verdict).toBe('FAIL');
    expect(report.reasons[0]).toMatch(/^root-coverage lower bound 0\.9575 < 0\.96 on POST \/api\/checkout/);
    expect(report.traces).toBe(before.traces);
  });

  it('keeps a leaked log failing whatever the threshold, and an ERROR an ERROR', () => {
    const base = exampleReport();
    const leaking: Report = {
      ...base,
      checks: base.checks.map((entry) =>
        entry.id === 'log-correlation'
          ? { ...entry, services: entry.services.map((row) => ({ ...row, leaked: 1 })) }
          : entry,
      ),
    };
    const report = rejudgeReport(leaking, resolveThresholds({ minLogCorrelation: 0, minHopContinuity: 0 }));
    expect(check(report, 'log-correlation').status).toBe('fail');
    const error = { code: 'TRACEGATE_ERR_SERVICE_START', message: 'api exited', service: 'api', output: [] };
    expect(rejudgeReport({ ...base, error }, resolveThresholds({ minHopContinuity: 0 })).verdict).toBe('ERROR');
  });
});
