import { describe, expect, it } from '@jest/globals';
import { ManualClock } from '../../harness/clock.js';
import { InvalidArgumentError } from '../../harness/errors.js';
import { parseReadyFlag, parseServiceFlag } from '../../harness/run/services/parse-service-flags.js';
import { serviceEnvironment } from '../../harness/run/services/service-env.js';
import { validateServiceSpecs } from '../../harness/run/services/validate-service-specs.js';
import { waitUntilReady } from '../../harness/run/services/wait-until-ready.js';

describe('--service and --ready', () => {
  it('parses NAME=COMMAND, keeping every later "=" in the command', () => {
    expect(parseServiceFlag('api=PORT=3000 node server.js')).toEqual({
      name: 'api',
      command: 'PORT=3000 node server.js',
    });
  });

  it('parses NAME=URL and NAME=tcp://HOST:PORT', () => {
    expect(parseReadyFlag('api=http://127.0.0.1:3000/health')).toEqual({
      name: 'api',
      ready: { url: 'http://127.0.0.1:3000/health' },
    });
    expect(parseReadyFlag('db=tcp://127.0.0.1:5432')).toEqual({ name: 'db', ready: { port: 5432, host: '127.0.0.1' } });
  });

  it.each([
    [() => parseServiceFlag('node server.js'), '--service: expected NAME=COMMAND, got "node server.js"'],
    [() => parseServiceFlag('api='), '--service: expected NAME=COMMAND, got "api="'],
    [
      () => parseServiceFlag('my api=x'),
      `--service: service name may hold letters, digits, '.', '_' or '-', got "my api"`,
    ],
    [
      () => parseReadyFlag('api=localhost:3000'),
      '--ready api: expected an http(s) URL or tcp://HOST:PORT, got "localhost:3000"',
    ],
    [
      () => parseReadyFlag('db=tcp://h:70000'),
      '--ready db: expected an http(s) URL or tcp://HOST:PORT, got "tcp://h:70000"',
    ],
  ])('rejects malformed flags with a message naming the flag', (parse, message) => {
    expect(parse).toThrow(new InvalidArgumentError(message));
  });
});

describe('validateServiceSpecs()', () => {
  it('names each bad field, all at once', () => {
    const specs = [
      { name: 'api', command: 'node a.js' },
      { name: 'api', command: [], ready: { url: 'ftp://x' }, stopGraceMs: -1 },
      { name: 'w', command: 'x', ready: { port: 0 } },
      { name: 'x', command: 'x', ready: { url: 'http://a', port: 1 } },
    ];
    expect(() => validateServiceSpecs(specs, 'api()')).toThrow(
      'api(): 6 problems\n' +
        '  services[1].name: "api" is already the name of another service\n' +
        '  services[1].command: expected a non-empty command string or argv array of strings, got []\n' +
        '  services[1].ready.url: expected an http(s) URL, got "ftp://x"\n' +
        '  services[1].stopGraceMs: expected a number of milliseconds >= 0, got -1\n' +
        '  services[2].ready.port: expected an integer from 1 to 65535, got 0\n' +
        '  services[3].ready: expected exactly one of url, port, logLine, got 2',
    );
  });

  it('turns a logLine string (from a JSON scenario) into a RegExp', () => {
    expect(
      validateServiceSpecs([{ name: 'a', command: 'x', ready: { logLine: 'listening on \\d+' } }], 'f()')[0]!.ready,
    ).toEqual({
      logLine: /listening on \d+/,
    });
  });
});

describe('serviceEnvironment()', () => {
  it('drops inherited signal endpoints and the inherited service name; the spec env wins', () => {
    const env = serviceEnvironment({ name: 'api', env: { OTEL_BSP_SCHEDULE_DELAY: '500' } }, 'http://127.0.0.1:4318', {
      PATH: '/bin',
      OTEL_SERVICE_NAME: 'harness',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://elsewhere',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    });
    expect(env).toEqual({
      PATH: '/bin',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
      OTEL_SERVICE_NAME: 'api',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '500',
      OTEL_BLRP_SCHEDULE_DELAY: '100',
    });
  });
});

describe('waitUntilReady() on a manual clock', () => {
  it('backs off 20, 40, 80 … 500 ms and times out with the attempt count, leaving no timer behind', async () => {
    const clock = new ManualClock();
    const at: number[] = [];
    const probe = { describe: 'x', attempt: () => (at.push(clock.now()), Promise.resolve('refused')) };
    const waiting = waitUntilReady(probe, { clock, timeoutMs: 2000, exited: new Promise(() => {}) });
    await clock.advance(2500);
    expect(await waiting).toEqual({ outcome: 'timeout', attempts: at.length, elapsedMs: 2000, lastProblem: 'refused' });
    expect(at.slice(0, 7)).toEqual([0, 20, 60, 140, 300, 620, 1120]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('ends at once when the process exits', async () => {
    const clock = new ManualClock();
    let exit!: () => void;
    const exited = new Promise<void>((resolve) => (exit = resolve));
    const waiting = waitUntilReady(
      { describe: 'x', attempt: () => Promise.resolve('no') },
      { clock, timeoutMs: 10_000, exited },
    );
    await clock.advance(100);
    exit();
    expect(await waiting).toMatchObject({ outcome: 'exited' });
    expect(clock.pendingTimers).toBe(0);
  });
});
