import { describe, expect, it } from '@jest/globals';
import { parseReport } from '../../harness/report/parse-report.js';
import { runScenario } from '../../harness/run/run-scenario.js';
import { defineScenario } from '../../harness/run/scenario.js';
import { renderJsonReport } from '../../reporters/json/render-json-report.js';
import { system } from './run-support.js';

// runScenario stops the services it started and closes its receiver in its own finally.
describe('runScenario (from code, real services on loopback)', () => {
  it('judges a scenario object and returns a complete Report v1', async () => {
    const { target, api, worker } = await system(false);
    const report = await runScenario(
      defineScenario({
        name: 'code',
        services: [
          { name: 'worker', command: worker.command, ready: { url: worker.ready } },
          { name: 'api', command: api.command, ready: { url: api.ready } },
        ],
        target,
        traffic: { requests: [{ path: '/work' }], count: 40, concurrency: 4 },
        hops: ['api>worker:child'],
        completion: { quietMs: 200, timeoutMs: 5000 },
        seed: 11,
      }),
      { progress: false, runId: 'run-code-1' },
    );
    expect(report).toMatchObject({ verdict: 'PASS', exitCode: 0, scenario: 'code', runId: 'run-code-1', seed: 11 });
    expect(report.traffic.correlation).toEqual({
      injected: 40,
      traceResponse: 0,
      requestId: 0,
      timing: 0,
      uncorrelated: 0,
    });
    expect(report.harness.spansReceived).toBe(120);
    expect(report.harness.timeToVerdictMs).not.toBeNull();
    expect(report.checks.map((check) => [check.id, check.status])).toEqual([
      ['root-coverage', 'pass'],
      ['hop-continuity', 'pass'],
      ['error-recording', 'skip'],
      ['log-correlation', 'skip'],
      ['hygiene', 'pass'],
    ]);
    // What `--report-json` writes reads back as the same report.
    expect(parseReport(renderJsonReport(report))).toEqual(JSON.parse(renderJsonReport(report)));
  }, 60_000);

  it('reports log lines whose ids could not be used, per service', async () => {
    const { target, api, worker } = await system(false);
    // A logger that writes a trace id of the wrong length and one that is not hex.
    const lines = [
      { msg: 'charged', trace_id: 'abc123', span_id: '00f067aa0ba902b7' },
      { msg: 'charged', trace_id: 'z'.repeat(32) },
    ];
    const script = `${lines.map((line) => `console.log(${JSON.stringify(JSON.stringify(line))});`).join('')}setInterval(() => {}, 1000);`;
    const report = await runScenario(
      {
        name: 'log-ids',
        services: [
          { name: 'worker', command: worker.command, ready: { url: worker.ready } },
          { name: 'api', command: api.command, ready: { url: api.ready } },
          { name: 'billing', command: ['node', '-e', script] },
        ],
        target,
        traffic: { requests: [{ path: '/work' }], count: 5, concurrency: 1 },
        completion: { quietMs: 200, timeoutMs: 5000 },
      },
      { progress: false },
    );
    expect(report.findings.filter((finding) => finding.code === 'logs.invalid-ids')).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: expect.stringMatching(/^billing: 2 trace or span id fields .*\(wrong-length 1, not-hex 1\)/),
      }),
    ]);
  }, 60_000);

  it('is an ERROR report with the last lines when a service exits before it is ready', async () => {
    const report = await runScenario(
      {
        name: 'crash',
        services: [{ name: 'api', command: 'echo starting; echo "no database" >&2; exit 4', ready: { port: 1 } }],
        target: 'http://127.0.0.1:1',
        traffic: { requests: [{ path: '/' }] },
      },
      { progress: false },
    );
    expect(report).toMatchObject({ verdict: 'ERROR', exitCode: 3, checks: [] });
    expect(report.traffic.sent).toBe(0);
    expect(report.error).toMatchObject({ code: 'TRACEGATE_ERR_SERVICE_START', service: 'api' });
    expect(report.error?.output).toEqual(expect.arrayContaining(['starting', '[stderr] no database']));
    expect(parseReport(renderJsonReport(report)).verdict).toBe('ERROR');
  }, 30_000);

  it('throws for an invalid scenario, naming the field', async () => {
    await expect(
      runScenario({ name: 'x', target: 'http://127.0.0.1:1', traffic: { requests: [{ path: '/', method: 'FETCH' }] } }),
    ).rejects.toThrow('tracegate.runScenario(): scenario.traffic.requests[0].method: expected one of GET, POST');
  });
});
