import { afterEach, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport } from '../../harness/report/parse-report.js';
import { runCli } from './cli-support.js';
import { system } from './run-support.js';

// The built bin (`npm run build` first) against the api → worker fixtures on loopback; one small broken run.
const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'tracegate-reports-cli-'));

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

const cli = (args: string[]) => runCli(args, children);

describe('tracegate run --report-* (every format from one redacted report)', () => {
  it('writes JSON, JUnit, Markdown and HTML into new directories, says so on stderr, and redacts --redact-key', async () => {
    const { target, api, worker } = await system(true);
    const out = join(dir, 'nested', 'reports');
    const paths = {
      json: join(out, 'report.json'),
      junit: join(out, 'junit.xml'),
      markdown: join(out, 'summary.md'),
      html: join(out, 'report.html'),
    };
    const result = await cli([
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
      '40',
      '--hop',
      'api>worker',
      '--quiet-ms',
      '200',
      '--redact-key',
      'status_code',
      '--report-json',
      paths.json,
      '--report-junit',
      paths.junit,
      '--report-markdown',
      paths.markdown,
      '--report-html',
      paths.html,
    ]);
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: 1 });
    for (const [kind, path] of Object.entries(paths)) {
      expect(existsSync(path)).toBe(true);
      expect(result.stderr).toContain(`tracegate run: wrote the ${kind} report to ${path}`);
    }
    // The console shows the broken hop drawn from the same report.
    expect(result.stdout).toContain('✗ hop-continuity api>worker');
    expect(result.stdout).toMatch(/✗ broken hop api>worker: /);
    const report = parseReport(readFileSync(paths.json, 'utf8'));
    expect(report.verdict).toBe('FAIL');
    const server = report.traces.flatMap((trace) => trace.spans).find((span) => span.kind === 'server')!;
    expect(server.attributes['http.response.status_code']).toBe('[REDACTED]');
    const junit = readFileSync(paths.junit, 'utf8');
    expect(junit).toMatch(
      /<testcase name="api&gt;worker \(\w+\)" classname="tracegate.hop-continuity" time="0">\s*<failure /,
    );
    expect(readFileSync(paths.markdown, 'utf8')).toMatch(/^## ❌ tracegate: FAIL\n/);
    const html = readFileSync(paths.html, 'utf8');
    expect(html).toContain('[REDACTED]');
    expect(html).not.toMatch(/"http\.response\.status_code":\s*200/);
  }, 90_000);

  it("redacts a scenario file's reports.redactKeys in every report", async () => {
    const { target, api, worker } = await system(true);
    const json = join(dir, 'scenario-redact', 'report.json');
    const scenarioPath = join(dir, 'redact-scenario.json');
    writeFileSync(
      scenarioPath,
      JSON.stringify({
        name: 'redact',
        services: [
          { name: 'worker', command: worker.command, ready: { url: worker.ready } },
          { name: 'api', command: api.command, ready: { url: api.ready } },
        ],
        target,
        traffic: { requests: [{ path: '/work' }], count: 40 },
        hops: ['api>worker'],
        completion: { quietMs: 200 },
        reports: { json, redactKeys: ['status_code'] },
      }),
    );
    const result = await cli(['run', scenarioPath]);
    expect(result.code).toBe(1);
    const report = parseReport(readFileSync(json, 'utf8'));
    const server = report.traces.flatMap((trace) => trace.spans).find((span) => span.kind === 'server')!;
    expect(server.attributes['http.response.status_code']).toBe('[REDACTED]');
  }, 90_000);

  it('exits 3 naming the flag for a --redact-key with nothing to match', async () => {
    const result = await cli(['run', '--target', 'http://127.0.0.1:1', '--redact-key', '--']);
    expect(result).toMatchObject({ code: 3, stdout: '' });
    expect(result.stderr).toContain('--redact-key');
  }, 20_000);
});
