import { afterEach, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport } from '../../harness/report/parse-report.js';
import type { HopContinuityCheck } from '../../harness/report/report-checks.js';
import { runCli } from './cli-support.js';
import { system } from './run-support.js';

// The built bin, as users run it (`npm run build` first). Each run stays small: 60 requests, quiet 200 ms.
const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'tracegate-run-cli-'));

afterEach(() => {
  // `tracegate run` stops its services itself; this only guards against a test that failed midway.
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

const cli = (args: string[]) => runCli(args, children);

async function flagsRun(broken: boolean, reportPath: string) {
  const { target, api, worker } = await system(broken);
  return cli([
    'run',
    '--service',
    `${worker.name}=${worker.command}`,
    '--ready',
    `worker=${worker.ready}`,
    '--service',
    `${api.name}=${api.command}`,
    '--ready',
    `api=${api.ready}`,
    '--target',
    target,
    '--request',
    'GET /work',
    '--requests',
    '60',
    '--hop',
    'api>worker',
    '--quiet-ms',
    '200',
    '--report-json',
    reportPath,
  ]);
}

function hopCheck(path: string): HopContinuityCheck {
  const report = parseReport(readFileSync(path, 'utf8'));
  const check = report.checks.find((entry) => entry.id === 'hop-continuity');
  if (check?.id !== 'hop-continuity') throw new Error('no hop-continuity check in the report');
  return check;
}

describe('tracegate run (flags only, real services on loopback)', () => {
  it('exits 0 on the healthy system and writes a valid report with every hop continuous', async () => {
    const path = join(dir, 'healthy.json');
    const result = await flagsRun(false, path);
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/^tracegate: PASS · scenario flags · run [0-9a-f]{16} · seed \d+ · /);
    const report = parseReport(readFileSync(path, 'utf8'));
    expect(report).toMatchObject({ verdict: 'PASS', exitCode: 0, scenario: 'flags', error: null });
    expect(report.traffic).toMatchObject({ sent: 60, completed: 60, failed: 0, propagation: 'inject' });
    expect(report.harness).toMatchObject({ spansRejected: 0, tracesNotQuiet: 0, deadlineReached: false });
    // api server + api client + worker server per request.
    expect(report.harness.spansReceived).toBe(180);
    const edge = hopCheck(path).edges[0];
    expect(edge).toMatchObject({ from: 'api', to: 'worker', source: 'scenario', n: 60, continuous: 60 });
  }, 60_000);

  it('exits 1 when the api drops context, naming the broken edge with example traces', async () => {
    const path = join(dir, 'broken.json');
    const result = await flagsRun(true, path);
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: 1 });
    const check = hopCheck(path);
    expect(check.status).toBe('fail');
    const edge = check.edges.find((row) => row.from === 'api' && row.to === 'worker')!;
    expect(edge).toMatchObject({ n: 60, continuous: 0, status: 'fail' });
    expect(edge.breaks.restarted + edge.breaks.missing).toBe(60);
    expect(edge.examples.length).toBeGreaterThan(0);
    const example = edge.examples[0]!;
    expect(result.stdout).toContain(`worst broken hop: api→worker 0/60 continuous`);
    expect(result.stdout).toContain(`e.g. trace ${example.traceId}`);
    // The example trace is in the report, drawable without the store.
    const report = parseReport(readFileSync(path, 'utf8'));
    expect(report.traces.map((trace) => trace.traceId)).toContain(example.traceId);
  }, 60_000);

  it('runs a TypeScript scenario file (through tsx) and writes every report it lists', async () => {
    const { target, api, worker } = await system(false);
    // Inside the package, so the file's `import ... from 'tracegate'` resolves to this package, as in a user's project.
    const scenarioDir = join(process.cwd(), 'test-artifacts');
    mkdirSync(scenarioDir, { recursive: true });
    const file = join(scenarioDir, `scenario-${process.pid}.ts`);
    const reportPath = join(dir, 'ts.json');
    const scenario = {
      name: 'ts-file',
      services: [
        { name: 'worker', command: worker.command, ready: { url: worker.ready } },
        { name: 'api', command: api.command, ready: { url: api.ready } },
      ],
      target,
      traffic: { requests: [{ path: '/work' }], count: 30 },
      hops: ['api>worker'],
      completion: { quietMs: 200 },
      reports: { json: reportPath, markdown: join(dir, 'r.md') },
    };
    writeFileSync(
      file,
      `import { defineScenario } from 'tracegate';\nexport default defineScenario(${JSON.stringify(scenario)});\n`,
    );
    const result = await cli(['run', file, '--seed', '5']).finally(() => rmSync(file, { force: true }));
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: 0 });
    expect(result.stderr).toContain(`tracegate run: wrote the markdown report to ${join(dir, 'r.md')}`);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^## ✅ tracegate: PASS/);
    const report = parseReport(readFileSync(reportPath, 'utf8'));
    expect(report).toMatchObject({ scenario: 'ts-file', seed: 5, verdict: 'PASS' });
  }, 60_000);

  it('exits 3 naming the flag for a bad command line', async () => {
    const result = await cli(['run', '--target', 'http://127.0.0.1:1', '--requests', 'ten']);
    expect(result).toEqual({
      code: 3,
      stdout: '',
      stderr: 'tracegate run: --requests must be an integer from 1 to 10000000, got "ten"\n',
    });
  }, 20_000);
});
