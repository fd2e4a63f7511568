import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

// The suite builds before jest runs (`pretest`); the command under test is the built bin, as users run it.
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLI = 'dist/ci/cli.js';
const WAIT_MS = 10_000;

interface RunningCli {
  readonly child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout line matching `pattern`; rejects after WAIT_MS, showing what was printed. */
  line(pattern: RegExp): Promise<RegExpMatchArray>;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of running.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function startCli(args: string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: REPO,
    env: { ...process.env, TRACEGATE_TOKEN: '', ...env },
  });
  running.push(child);
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exit = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  const line = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = (): boolean => {
        for (const text of out.split('\n')) {
          const match = pattern.exec(text);
          if (match !== null) {
            cleanup();
            resolve(match);
            return true;
          }
        }
        return false;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no stdout line matched ${pattern} within ${WAIT_MS} ms\nstdout:\n${out}\nstderr:\n${err}`));
      }, WAIT_MS);
      const onExit = () => {
        if (!check()) {
          cleanup();
          reject(new Error(`exited before a line matched ${pattern}\nstdout:\n${out}\nstderr:\n${err}`));
        }
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.stdout.off('data', check);
        child.off('exit', onExit);
      };
      if (check()) return;
      child.stdout.on('data', check);
      child.once('exit', onExit);
    });
  return { child, stdout: () => out, stderr: () => err, line, exited: () => exit };
}

/** Runs the CLI to completion. */
async function runCli(args: string[]) {
  const cli = startCli(args);
  const { code } = await cli.exited();
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

const TRACE_ID = '5b8efff798038103d269b633813fc60c';

function tracesBody(): string {
  const span = (spanId: string, parentSpanId: string, name: string) => ({
    traceId: TRACE_ID,
    spanId,
    parentSpanId,
    name,
    kind: 2,
    startTimeUnixNano: '1760000000000000001',
    endTimeUnixNano: '1760000000000000002',
  });
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] },
        scopeSpans: [
          {
            scope: { name: 'cli-test' },
            spans: [span('eee19b7ec3c1b174', '', 'GET /'), span('eee19b7ec3c1b175', 'eee19b7ec3c1b174', 'SELECT')],
          },
        ],
      },
    ],
  });
}

function logsBody(): string {
  return JSON.stringify({
    resourceLogs: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] },
        scopeLogs: [
          {
            scope: { name: 'cli-test' },
            logRecords: [{ timeUnixNano: '1760000000000000001', body: { stringValue: 'hello' }, traceId: TRACE_ID }],
          },
        ],
      },
    ],
  });
}

async function post(url: string, body: string, token?: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body });
  await response.arrayBuffer();
  return response.status;
}

describe('tracegate receive', () => {
  it('prints where it listens, counts what arrives, and prints totals on SIGTERM', async () => {
    const cli = startCli(['receive', '--port', '0', '--status-interval-ms', '20']);
    const [, url] = await cli.line(/listening on (http:\/\/127\.0\.0\.1:\d+)$/);
    expect(cli.stdout()).toContain(`OTEL_EXPORTER_OTLP_ENDPOINT=${url}`);
    await cli.line(/^spans=0 logs=0 traces=0 /);

    expect(await post(`${url}/v1/traces`, tracesBody())).toBe(200);
    expect(await post(`${url}/v1/logs`, logsBody())).toBe(200);
    expect(await post(`${url}/v1/traces`, '{ not json')).toBe(400);
    const running = 'spans=2 logs=1 traces=1 rejected_spans=0 rejected_logs=0 refused_requests=1';
    await cli.line(new RegExp(`^${running}$`));

    cli.child.kill('SIGTERM');
    expect(await cli.exited()).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toContain(`tracegate receive: stopped (SIGTERM); totals: ${running}\n`);
    expect(cli.stderr()).toBe('');
  });

  it('stops cleanly on SIGINT too', async () => {
    const cli = startCli(['receive', '--port', '0']);
    await cli.line(/listening on http/);
    cli.child.kill('SIGINT');
    expect(await cli.exited()).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toMatch(/stopped \(SIGINT\); totals: spans=0 logs=0 traces=0 /);
  });

  it('hands --token and --max-body-bytes to the receiver', async () => {
    const limit = tracesBody().length - 1;
    const cli = startCli(['receive', '--port', '0', '--token', 's3cret', '--max-body-bytes', String(limit)]);
    const [, url] = await cli.line(/listening on (http:\/\/127\.0\.0\.1:\d+)$/);
    expect(await post(`${url}/v1/logs`, logsBody())).toBe(401);
    expect(await post(`${url}/v1/logs`, logsBody(), 's3cret')).toBe(200);
    expect(await post(`${url}/v1/traces`, tracesBody(), 's3cret')).toBe(413);
    cli.child.kill('SIGTERM');
    expect(await cli.exited()).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toContain(
      'totals: spans=0 logs=1 traces=0 rejected_spans=0 rejected_logs=0 refused_requests=2',
    );
  });

  it('takes the token from TRACEGATE_TOKEN when --token is absent', async () => {
    const cli = startCli(['receive', '--port', '0'], { TRACEGATE_TOKEN: 'from-env' });
    const [, url] = await cli.line(/listening on (http:\/\/127\.0\.0\.1:\d+)$/);
    expect(await post(`${url}/v1/logs`, logsBody())).toBe(401);
    expect(await post(`${url}/v1/logs`, logsBody(), 'from-env')).toBe(200);
  });

  it('exits 3 naming the port when it cannot listen', async () => {
    const occupied = createServer();
    await new Promise<void>((resolve) => occupied.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = occupied.address() as AddressInfo;
      const result = await runCli(['receive', '--port', String(port)]);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`tracegate receive: could not listen on 127.0.0.1:${port}: `);
      expect(result.stderr).toContain('EADDRINUSE');
    } finally {
      await new Promise((resolve) => occupied.close(resolve));
    }
  });
});

describe('tracegate command line', () => {
  it.each([
    [['launch'], 'tracegate: unknown command "launch" (commands: run, gate, receive; see tracegate --help)'],
    [['--bogus'], 'tracegate: unknown flag --bogus (see tracegate --help)'],
    [['receive', '--bogus', '1'], 'tracegate receive: unknown flag --bogus (see tracegate receive --help)'],
    [['receive', '--port', 'http'], 'tracegate receive: --port must be an integer from 0 to 65535, got "http"'],
    [['receive', '--port', '70000'], 'tracegate receive: --port must be an integer from 0 to 65535, got "70000"'],
    [['receive', '--port'], 'tracegate receive: --port needs a value'],
    [['receive', '--port', '--host', '127.0.0.1'], 'tracegate receive: --port needs a value'],
    [
      ['receive', '--max-body-bytes', '0'],
      'tracegate receive: --max-body-bytes must be an integer from 1 to 1073741824, got "0"',
    ],
    [['receive', 'extra'], 'tracegate receive: unexpected argument "extra" (see tracegate receive --help)'],
    [[], 'tracegate: no command given (see tracegate --help)'],
  ])('exits 3 for %j with a message naming the problem', async (args, message) => {
    const result = await runCli(args);
    expect(result).toEqual({ code: 3, stdout: '', stderr: `${message}\n` });
  });

  it('prints help with exit 0', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Usage: tracegate <command> [flags]');
    expect(top.stdout).toMatch(/^\s+receive\s/m);
    const receive = await runCli(['receive', '--help']);
    expect(receive.code).toBe(0);
    expect(receive.stdout).toContain('Usage: tracegate receive [flags]');
    for (const flag of ['--port', '--host', '--token', '--max-body-bytes']) expect(receive.stdout).toContain(flag);
  });

  it('prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(`${REPO}/package.json`, 'utf8')) as { version: string };
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
