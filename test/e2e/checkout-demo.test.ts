// `npm run demo` as a user runs it: a child process, its exit code, its summary and the report it writes.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import type { Report } from '../../harness/report/report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REQUESTS = '200';
const outDirs: string[] = [];
/** Demos still running: a test that timed out leaves its demo (and the services it started) behind otherwise. */
const running = new Set<ChildProcess>();

/** SIGTERM lets the demo stop its services (each in its own process group); SIGKILL if it has not exited by then. */
async function stopDemo(child: ChildProcess): Promise<void> {
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 20_000)));
  if ((await Promise.race([closed, late])) === 'late') child.kill('SIGKILL');
  clearTimeout(timer);
}

afterAll(async () => {
  await Promise.all([...running].map(stopDemo));
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
}, 60_000);

interface DemoRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly out: string;
}

/** Runs the demo script exactly as `npm run demo -- …` does, with its reports in a directory of its own. */
function demo(...args: string[]): Promise<DemoRun> {
  const out = mkdtempSync(join(tmpdir(), 'tracegate-demo-'));
  outDirs.push(out);
  const child = spawn(process.execPath, ['--import', 'tsx', 'scenarios/checkout/demo.ts', ...args, '--out', out], {
    cwd: ROOT,
    env: { ...process.env, CI: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('close', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr, out }));
  });
}

const readReport = (out: string): Report => JSON.parse(readFileSync(join(out, 'tracegate.json'), 'utf8')) as Report;
const JUNIT_XSD = readFileSync(new URL('../fixtures/junit.xsd', import.meta.url), 'utf8');

/** The other three reports of the same run: a schema-valid JUnit file, Markdown and the HTML page, all agreeing. */
async function expectAllReports(out: string, verdict: 'PASS' | 'FAIL'): Promise<void> {
  const junit = readFileSync(join(out, 'report.xml'), 'utf8');
  const result = await validateXML({
    xml: { fileName: 'report.xml', contents: junit },
    schema: { fileName: 'junit.xsd', contents: JUNIT_XSD },
  });
  expect(result.errors.map((error) => error.rawMessage)).toEqual([]);
  expect(junit).toMatch(verdict === 'PASS' ? /<testsuites [^>]*failures="0"/ : /<testsuites [^>]*failures="[1-9]/);
  expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(new RegExp(`^## \\S+ tracegate: ${verdict}\\n`));
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  expect(html.startsWith('<!doctype html>') || html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html).toContain(`"verdict":"${verdict}"`);
}

describe('npm run demo', () => {
  // Both runs at once: each picks its own free ports and writes to its own directory.
  const healthy = demo('--requests', REQUESTS);
  const broken = demo('--requests', REQUESTS, '--faults', 'queue-context');
  healthy.catch(() => undefined);
  broken.catch(() => undefined);

  it('exits 0 on the healthy system and writes a PASS report', async () => {
    const run = await healthy;
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr.slice(-2000) }).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(/^tracegate: PASS · scenario checkout /m);
    const report = readReport(run.out);
    expect(report.verdict).toBe('PASS');
    expect(report.traffic.sent).toBe(Number(REQUESTS));
    await expectAllReports(run.out, 'PASS');
  }, 120_000);

  it('exits 1 with --faults queue-context, naming the broken hop relay>worker with an example trace', async () => {
    const run = await broken;
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr.slice(-2000) }).toMatchObject({ code: 1 });
    expect(run.stdout).toMatch(/^tracegate: FAIL · scenario checkout with queue-context /m);
    expect(run.stdout).toMatch(
      /worst broken hop: relay→worker 0\/\d+ continuous \(\d+ restarted\), e\.g\. trace [0-9a-f]{32}/,
    );
    const edge = readReport(run.out)
      .checks.flatMap((check) => (check.id === 'hop-continuity' ? check.edges : []))
      .find((each) => each.from === 'relay' && each.to === 'worker');
    expect(edge?.status).toBe('fail');
    expect(edge?.examples[0]?.traceId).toMatch(/^[0-9a-f]{32}$/);
    await expectAllReports(run.out, 'FAIL');
  }, 120_000);

  it('refuses an unknown flag with one line on stderr and exit 3', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scenarios/checkout/demo.ts', '--fault', 'x'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code).toBe(3);
    expect(stderr).toBe(
      'demo: unknown flag "--fault" (flags: --faults, --requests, --broker, --database, --root-loss, --out, --help)\n',
    );
  }, 60_000);
});
