import '../../dispose.js';
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio, SpawnOptionsWithStdioTuple, StdioNull, StdioPipe } from 'node:child_process';
import type { Readable } from 'node:stream';
import { systemClock } from '../../clock.js';
import { LogLineCapture } from '../../collect/logs/log-line-capture.js';
import type { LogCaptureStats } from '../../collect/logs/log-capture-stats.js';
import { ServiceStartError } from '../../errors.js';
import { RecentLines } from './_internals/recent-lines.js';
import { logLineProbe, networkProbe } from './_internals/ready-probe.js';
import type { ReadyProbe } from './_internals/ready-probe.js';
import { trackGroup } from './_internals/process-group.js';
import { serviceEnvironment } from './service-env.js';
import { DEFAULT_READY_TIMEOUT_MS, DEFAULT_STOP_GRACE_MS } from './service-spec.js';
import type { ServiceSpec } from './service-spec.js';
import type { StartServiceOptions } from './start-service-options.js';
import { describeExit, lastLinesBlock } from './start-error-message.js';
import { stopProcessGroup } from './stop-process-group.js';
import type { ServiceExit } from './stop-process-group.js';
import { waitUntilReady } from './wait-until-ready.js';

/** A started service. `stop()` (or `await using`) ends its whole process group; it is safe to call twice. */
export interface RunningService extends AsyncDisposable {
  readonly name: string;
  readonly pid: number;
  /** The service name its telemetry and captured logs carry (OTEL_SERVICE_NAME). */
  readonly serviceName: string;
  /** Its exit once it has exited (on its own or by `stop()`), else undefined. */
  exit(): Omit<ServiceExit, 'killed'> | undefined;
  /** The last lines it printed on stdout and stderr. */
  lastLines(): string[];
  logStats(): { readonly stdout: LogCaptureStats; readonly stderr: LogCaptureStats };
  stop(): Promise<ServiceExit>;
}

type LeaderExit = { code: number | null; signal: string | null };

/** Starts one service (spec already validated) and resolves once it is ready; throws ServiceStartError otherwise. */
export async function startService(spec: ServiceSpec, options: StartServiceOptions): Promise<RunningService> {
  const clock = options.clock ?? systemClock;
  const env = serviceEnvironment(spec, options.otlpEndpoint, options.inheritEnv ?? process.env);
  const serviceName = env['OTEL_SERVICE_NAME'] ?? spec.name;
  const spawnOptions: SpawnOptionsWithStdioTuple<StdioNull, StdioPipe, StdioPipe> = {
    cwd: spec.cwd,
    env,
    detached: true, // its own process group, so one signal reaches the grandchildren a shell starts
    stdio: ['ignore', 'pipe', 'pipe'],
  };
  const child: ChildProcessByStdio<null, Readable, Readable> =
    typeof spec.command === 'string'
      ? spawn(spec.command, { ...spawnOptions, shell: true })
      : spawn(spec.command[0]!, spec.command.slice(1), spawnOptions);
  const recent = new RecentLines(options.lastLineCount ?? 20);
  const capture = (stream: Readable, kind: 'stdout' | 'stderr'): LogLineCapture => {
    const logs = new LogLineCapture(options.store, {
      service: serviceName,
      source: { kind, process: spec.name },
      ...(options.traceIdFields === undefined ? {} : { traceIdFields: options.traceIdFields }),
      ...(options.spanIdFields === undefined ? {} : { spanIdFields: options.spanIdFields }),
      ...(options.maxLineChars === undefined ? {} : { maxLineChars: options.maxLineChars }),
    });
    logs.onLine((line) => recent.add(kind === 'stderr' ? `[stderr] ${line}` : line));
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => logs.write(chunk));
    stream.on('end', () => logs.end());
    return logs;
  };
  const stdout = capture(child.stdout, 'stdout');
  const stderr = capture(child.stderr, 'stderr');

  let leaderExit: LeaderExit | undefined;
  const spawned = new Promise<Error | undefined>((resolve) => {
    child.once('spawn', () => resolve(undefined));
    child.once('error', resolve);
  });
  // 'exit' says the leader ended; 'close' also waits for its output to be read to the end.
  // Not events.once(): it rejects on 'error', and a spawn failure is answered below instead.
  const exited = new Promise<LeaderExit>((resolve) =>
    child.once('exit', (code, signal) => resolve((leaderExit = { code, signal }))),
  );
  const closed = new Promise<LeaderExit>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  const spawnError = await spawned;
  child.on('error', () => {}); // later errors (a failed kill) are seen through the exit and close events
  if (spawnError !== undefined || child.pid === undefined) {
    throw new ServiceStartError(
      `service "${spec.name}" could not be started: ${spawnError?.message ?? 'no pid'}`,
      spec.name,
      'spawn',
      null,
      null,
      [],
      { cause: spawnError },
    );
  }
  const pid = child.pid;
  trackGroup(pid);

  let stopped: Promise<ServiceExit> | undefined;
  const stop = (): Promise<ServiceExit> =>
    (stopped ??= stopProcessGroup(pid, {
      clock,
      graceMs: spec.stopGraceMs ?? DEFAULT_STOP_GRACE_MS,
      closed,
      abandonStreams: () => {
        child.stdout.destroy();
        child.stderr.destroy();
      },
    }));
  const service: RunningService = {
    name: spec.name,
    pid,
    serviceName,
    exit: () => leaderExit,
    lastLines: () => recent.lines(),
    logStats: () => ({ stdout: stdout.stats(), stderr: stderr.stats() }),
    stop,
    [Symbol.asyncDispose]: async () => void (await stop()),
  };
  if (spec.ready === undefined) return service;

  let probe: ReadyProbe;
  let disposeProbe = () => {};
  if ('logLine' in spec.ready) {
    const { logLine } = spec.ready;
    const lineProbe = logLineProbe(logLine, (listener) => {
      const off = [stdout.onLine(listener), stderr.onLine(listener)];
      return () => off.forEach((unsubscribe) => unsubscribe());
    });
    probe = lineProbe;
    disposeProbe = () => lineProbe.dispose();
  } else {
    probe = networkProbe(spec.ready);
  }
  const timeoutMs = spec.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const outcome = await waitUntilReady(probe, { clock, timeoutMs, exited }).finally(disposeProbe);
  if (outcome.outcome === 'ready') return service;
  if (outcome.outcome === 'exited') {
    await stop(); // ends what it left behind in its group, and reads its output to the end
    const exit = leaderExit ?? (await exited);
    throw new ServiceStartError(
      `service "${spec.name}" ${describeExit(exit)} before it was ready (waited ${Math.round(outcome.elapsedMs)} ms ` +
        `for ${probe.describe}).\n${lastLinesBlock(recent.lines())}`,
      spec.name,
      'exited',
      exit.code,
      exit.signal,
      recent.lines(),
    );
  }
  const exit = await stop();
  throw new ServiceStartError(
    `service "${spec.name}" was not ready within ${timeoutMs} ms: waited for ${probe.describe} ` +
      `(${outcome.attempts} attempts, last: ${outcome.lastProblem}); it was stopped ` +
      `(${exit.killed ? 'SIGKILL after SIGTERM' : 'SIGTERM'}).\n${lastLinesBlock(recent.lines())}`,
    spec.name,
    'not-ready',
    null,
    null,
    recent.lines(),
  );
}
