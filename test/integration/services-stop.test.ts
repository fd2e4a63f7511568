import { afterEach, describe, expect, it } from '@jest/globals';
import { ErrorCode, ServiceStartError } from '../../harness/errors.js';
import type { LogRecord } from '../../harness/model/log.js';
import { APP, GRANDCHILD, NODE, eventually, freePort, running, start, stopStarted } from './services-support.js';

afterEach(stopStarted);

const bodyIs = (text: string) => (log: LogRecord) => log.body === text;
const readyLine = { logLine: /listening/ };

describe('stopping services', () => {
  it('sends SIGTERM first, and what the service writes while flushing is captured', async () => {
    const { services, store } = await start([{ name: 'api', command: [NODE, APP, '--ready-line'], ready: readyLine }]);
    const exit = await services.get('api')!.stop();
    expect(exit).toEqual({ code: 0, signal: null, killed: false });
    expect(store.logs().some(bodyIs('flushed'))).toBe(true);
  });

  it('SIGKILLs a service that ignores SIGTERM once the grace period has passed', async () => {
    const { services, store } = await start([
      { name: 'stubborn', command: [NODE, APP, '--ignore-term', '--ready-line'], ready: readyLine, stopGraceMs: 300 },
    ]);
    const begun = Date.now();
    const exit = await services.get('stubborn')!.stop();
    const tookMs = Date.now() - begun;
    expect(exit).toEqual({ code: null, signal: 'SIGKILL', killed: true });
    expect(tookMs).toBeGreaterThanOrEqual(290);
    expect(tookMs).toBeLessThan(3000);
    expect(store.logs().some(bodyIs('SIGTERM ignored'))).toBe(true);
  });

  it('kills the whole process group: a grandchild started by the shell dies too', async () => {
    const { services, store } = await start([
      {
        name: 'shell',
        command: `"${NODE}" "${GRANDCHILD}" & "${NODE}" "${APP}" --ready-line; wait`,
        ready: { logLine: /listening/ },
        stopGraceMs: 300,
      },
    ]);
    expect(await eventually(() => store.logs().some(bodyIs('grandchild')))).toBe(true);
    const grandchildPid = store.logs().find(bodyIs('grandchild'))!.attributes['pid'] as number;
    expect(running(grandchildPid)).toBe(true);
    const exit = await services.stop().then(() => services.get('shell')!.stop());
    expect(exit.killed).toBe(true); // the grandchild ignores SIGTERM
    expect(await eventually(() => !running(grandchildPid), 2000)).toBe(true);
  });

  it('stop() twice is one stop', async () => {
    const { services } = await start([{ name: 'api', command: [NODE, APP, '--ready-line'], ready: readyLine }]);
    const service = services.get('api')!;
    const [first, second] = await Promise.all([service.stop(), service.stop()]);
    expect(second).toBe(first);
    expect(running(service.pid)).toBe(false);
  });
});

describe('services that do not start', () => {
  it('an early exit is a ServiceStartError with the exit code and the last lines printed', async () => {
    const error = await start([
      { name: 'api', command: [NODE, APP, '--exit=3'], ready: { url: 'http://127.0.0.1:9/health' } },
    ]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceStartError);
    const startError = error as ServiceStartError;
    expect(startError).toMatchObject({ code: ErrorCode.ServiceStart, service: 'api', failure: 'exited', exitCode: 3 });
    expect(startError.lastLines).toHaveLength(2);
    expect(startError.message).toMatch(
      /^service "api" exited with code 3 before it was ready \(waited \d+ ms for HTTP GET http:\/\/127\.0\.0\.1:9\/health to answer below 500\)\.\nLast 2 lines it printed:\n/,
    );
    expect(startError.message).toContain('  | [stderr] fatal: config missing');
    expect(startError.message).toContain('"msg":"starting"');
  });

  it('a shell command that is not found exits 127 and says so', async () => {
    const error = (await start([
      { name: 'typo', command: 'no-such-command-tracegate', ready: { logLine: /never/ } },
    ]).catch((caught: unknown) => caught)) as ServiceStartError;
    expect(error).toMatchObject({ failure: 'exited', exitCode: 127 });
    expect(error.message).toMatch(/not found/);
  });

  it('an argv command that cannot be spawned fails with failure "spawn"', async () => {
    const error = await start([{ name: 'ghost', command: ['/no/such/binary'] }]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: ErrorCode.ServiceStart, failure: 'spawn' });
    expect((error as Error).message).toMatch(/^service "ghost" could not be started: .*ENOENT/);
  });

  it('never ready is a timeout error with the numbers, and the process is stopped', async () => {
    const port = await freePort();
    const error = (await start([
      {
        name: 'slow',
        command: [NODE, APP, '--ready-line'],
        ready: { port },
        readyTimeoutMs: 400,
      },
    ]).catch((caught: unknown) => caught)) as ServiceStartError;
    expect(error).toMatchObject({ code: ErrorCode.ServiceStart, failure: 'not-ready', service: 'slow' });
    expect(error.message).toMatch(
      new RegExp(
        `^service "slow" was not ready within 400 ms: waited for TCP port 127\\.0\\.0\\.1:${port} to accept connections ` +
          `\\(\\d+ attempts, last: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\); it was stopped \\(SIGTERM\\)\\.\\n` +
          `Last 2 lines it printed:\\n  \\| listening\\n  \\| \\{.*"msg":"flushed"\\}$`,
      ),
    );
  });

  it('one failing service stops the ones already started', async () => {
    const port = await freePort();
    const error = await start([
      { name: 'db', command: [NODE, APP, `--port=${port}`], ready: { port } },
      { name: 'api', command: [NODE, APP, '--exit=1'], ready: readyLine },
    ]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ service: 'api', failure: 'exited' });
    // db was ready, so it listened; once stopped, nothing does.
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});
