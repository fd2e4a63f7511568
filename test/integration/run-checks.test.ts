import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../harness/report/report.js';
import type {
  ErrorRecordingCheck,
  LogCorrelationCheck,
  ReportCheck,
  RootCoverageCheck,
} from '../../harness/report/report-checks.js';
import { runScenario } from '../../harness/run/run-scenario.js';
import type { RequestTemplate } from '../../harness/traffic/traffic-plan.js';
import { system } from './run-support.js';

// Each check passes on the healthy fixtures and fails on the one switch that breaks it (run-api.mjs). runScenario
// stops the services it started and closes its receiver in its own finally. Runs stay small: quiet 200 ms.
const WORK: RequestTemplate = { path: '/work' };
const FAIL: RequestTemplate = { path: '/fail' };

async function run(apiEnv: Record<string, string>, requests: RequestTemplate[], count: number): Promise<Report> {
  const { target, api, worker } = await system(false, apiEnv);
  return runScenario(
    {
      name: `checks ${Object.keys(apiEnv).join(' ')}`.trim(),
      services: [
        { name: 'worker', command: worker.command, ready: { url: worker.ready } },
        { name: 'api', command: api.command, ready: { url: api.ready } },
      ],
      target,
      traffic: { requests, count, concurrency: 8 },
      hops: ['api>worker:child'],
      completion: { quietMs: 200 },
      seed: 7,
    },
    { progress: false },
  );
}

function check<T extends ReportCheck>(report: Report, id: T['id']): T {
  const found = report.checks.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no ${id} check in the report`);
  return found as T;
}

describe('the checks against real services (run-api.mjs switches)', () => {
  it('passes every check on the healthy system', async () => {
    // Half the requests fail, so each route has more than minSamples (30) and is judged, not inconclusive.
    const report = await run({ LOG_IDS: '1' }, [WORK, FAIL], 100);
    expect(report.checks.map((each) => [each.id, each.status])).toEqual([
      ['root-coverage', 'pass'],
      ['hop-continuity', 'pass'],
      ['error-recording', 'pass'],
      ['log-correlation', 'pass'],
      ['hygiene', 'pass'],
    ]);
    expect(check<ErrorRecordingCheck>(report, 'error-recording').n).toBeGreaterThan(0);
    expect(check<LogCorrelationCheck>(report, 'log-correlation')).toMatchObject({ correlated: 100, leaked: 0 });
    expect(report).toMatchObject({ verdict: 'PASS', exitCode: 0 });
  }, 30_000);

  it('passes root coverage at 0.95 with exactly 3% of 200 requests untraced, without waiting for the deadline', async () => {
    const report = await run({ ROOT_LOSS: '0.03' }, [WORK], 200);
    expect(check<RootCoverageCheck>(report, 'root-coverage')).toMatchObject({
      status: 'pass',
      n: 200,
      covered: 194,
      threshold: 0.95,
    });
    // The six empty traces are judged missing once the store is quiet, not awaited until the 10 s deadline.
    expect(report.harness).toMatchObject({ deadlineReached: false, tracesNotQuiet: 0 });
    expect(report.durationMs).toBeLessThan(10_000);
    expect(report).toMatchObject({ verdict: 'PASS', exitCode: 0 });
  }, 30_000);

  it('fails root coverage with exactly 8% of 200 requests untraced', async () => {
    const report = await run({ ROOT_LOSS: '0.08' }, [WORK], 200);
    const coverage = check<RootCoverageCheck>(report, 'root-coverage');
    expect(coverage).toMatchObject({ status: 'fail', n: 200, covered: 184 });
    expect(coverage.examples.length).toBeGreaterThan(0);
    expect(report.harness.deadlineReached).toBe(false);
    expect(report).toMatchObject({ verdict: 'FAIL', exitCode: 1 });
  }, 30_000);

  it('fails error recording when the error path sets ERROR status without an exception event', async () => {
    const report = await run({ NO_EXCEPTION: '1' }, [{ ...WORK, weight: 4 }, FAIL], 60);
    const errors = check<ErrorRecordingCheck>(report, 'error-recording');
    expect(errors.status).toBe('fail');
    expect(errors.recorded).toBe(0);
    expect(errors.operations.every((row) => row.withoutExceptionEvent === row.n)).toBe(true);
    expect(report).toMatchObject({ verdict: 'FAIL', exitCode: 1 });
  }, 30_000);

  it('fails log correlation when the log lines carry no ids', async () => {
    const report = await run({ LOG_IDS: '0' }, [WORK], 60);
    const logs = check<LogCorrelationCheck>(report, 'log-correlation');
    expect(logs).toMatchObject({ status: 'fail', correlated: 0 });
    expect(logs.services).toEqual([expect.objectContaining({ service: 'api', n: 60, withoutIds: 60 })]);
  }, 30_000);

  it("fails log correlation when a log line under concurrency carries another request's trace id", async () => {
    const report = await run({ LOG_IDS: '1', LEAK_LOG: '1' }, [WORK], 60);
    const logs = check<LogCorrelationCheck>(report, 'log-correlation');
    expect(logs.status).toBe('fail');
    expect(logs.leaked).toBeGreaterThan(0);
    expect(logs.examples.length).toBeGreaterThan(0);
  }, 30_000);
});
