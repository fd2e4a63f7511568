import { afterEach, describe, expect, it } from '@jest/globals';
import { APP, NODE, OTLP, freePort, start, stopStarted } from './services-support.js';
import type { LogRecord } from '../../harness/model/log.js';

afterEach(stopStarted);

const bodyIs = (text: string) => (log: LogRecord) => log.body === text;

describe('startServices() readiness', () => {
  it('waits for a URL to answer, polling while the service is not yet listening', async () => {
    const port = await freePort();
    const { services } = await start([
      {
        name: 'api',
        command: [NODE, APP, `--port=${port}`, '--listen-delay-ms=300'],
        ready: { url: `http://127.0.0.1:${port}/health` },
        readyTimeoutMs: 10_000,
      },
    ]);
    const answer = await fetch(`http://127.0.0.1:${port}/health`);
    expect(answer.status).toBe(200);
    expect(services.get('api')?.exit()).toBeUndefined();
  });

  it('waits for a TCP port to accept connections', async () => {
    const port = await freePort();
    await start([{ name: 'db', command: [NODE, APP, `--port=${port}`, '--listen-delay-ms=200'], ready: { port } }]);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
  });

  it('waits for a log line, and the line before it is captured too', async () => {
    const { store } = await start([
      {
        name: 'worker',
        command: `"${NODE}" "${APP}" --listen-delay-ms=200 --ready-line`,
        ready: { logLine: /^listening$/ },
      },
    ]);
    expect(store.logs().some(bodyIs('listening'))).toBe(true);
  });
});

describe('startServices() environment', () => {
  it('gives the service the OTLP endpoint, its name, short batch delays, exporter and protocol', async () => {
    const { store } = await start([
      { name: 'api', command: [NODE, APP, '--print-env', '--ready-line'], ready: { logLine: /listening/ } },
    ]);
    const envLog = store.logs().find(bodyIs('env'));
    expect(envLog?.attributes['env']).toEqual({
      OTEL_EXPORTER_OTLP_ENDPOINT: OTLP,
      OTEL_SERVICE_NAME: 'api',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_BLRP_SCHEDULE_DELAY: '100',
    });
    expect(envLog?.service).toBe('api');
  });

  it('keeps OTEL_SERVICE_NAME and the protocol the spec sets, and names its logs after that service', async () => {
    const { store } = await start([
      {
        name: 'api',
        command: [NODE, APP, '--print-env', '--ready-line'],
        env: { OTEL_SERVICE_NAME: 'checkout-api', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' },
        ready: { logLine: /listening/ },
      },
    ]);
    const envLog = store.logs().find(bodyIs('env'))!;
    expect(envLog.attributes['env']).toMatchObject({
      OTEL_SERVICE_NAME: 'checkout-api',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_ENDPOINT: OTLP,
    });
    expect(envLog.service).toBe('checkout-api');
    expect(envLog.source).toEqual({ kind: 'stdout', process: 'api' });
  });
});

describe('startServices() log capture', () => {
  it('stores pino lines with ids, plain lines, lines cut across chunks, and stderr', async () => {
    const { store, services } = await start([
      { name: 'api', command: [NODE, APP, '--logs', '--ready-line'], ready: { logLine: /listening/ } },
    ]);
    const ok = await new Promise<boolean>((resolve) => {
      const check = () => store.logs().some(bodyIs('cut in two')) && (resolve(true), true);
      if (!check()) store.subscribe(() => void check());
      setTimeout(() => resolve(false), 3000);
    });
    expect(ok).toBe(true);
    const logs = store.logs();
    const placed = logs.find(bodyIs('order placed'))!;
    expect(placed).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      severityNumber: 13,
      severityText: 'warn',
      service: 'api',
    });
    expect(logs.find(bodyIs('plain text line without json'))).toMatchObject({ traceId: '', severityNumber: 0 });
    expect(logs.find(bodyIs('cut in two'))).toMatchObject({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      severityNumber: 17,
    });
    expect(logs.find(bodyIs('warning on stderr'))?.source).toEqual({ kind: 'stderr', process: 'api' });
    expect(services.get('api')!.logStats().stdout).toMatchObject({
      structured: 2,
      plain: 2,
      withTraceId: 2,
      truncated: 0,
    });
  });
});
