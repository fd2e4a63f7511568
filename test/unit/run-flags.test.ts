import { describe, expect, it } from '@jest/globals';
import { parseRunArgs } from '../../ci/commands/run-args.js';
import { parseRequestFlag, scenarioFromFlags } from '../../ci/commands/run-flags.js';
import { UsageError } from '../../ci/usage-error.js';
import type { Scenario } from '../../harness/run/scenario.js';

const flags = (...argv: string[]) => scenarioFromFlags(parseRunArgs(argv));

function usage(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('tracegate run flags', () => {
  it('builds the whole scenario from flags alone', () => {
    expect(
      flags(
        '--service',
        'worker=node worker.js',
        '--service=api=node api.js --port 3000',
        '--ready',
        'api=http://127.0.0.1:3000/health',
        '--target',
        'http://127.0.0.1:3000',
        '--request',
        'GET /work',
        '--request',
        'POST /api/x {"sku":"a","n":2}',
        '--requests',
        '60',
        '--concurrency',
        '4',
        '--rate',
        '50.5',
        '--hop',
        'api>worker',
        '--hop',
        'worker>billing:child',
        '--min-root-coverage',
        '0.9',
        '--min-hop-continuity',
        '1',
        '--min-log-correlation',
        '.95',
        '--quiet-ms',
        '200',
        '--timeout-ms',
        '5000',
        '--seed',
        '42',
        '--no-propagate',
        '--report-json',
        'out/r.json',
        '--report-junit',
        'out/j.xml',
      ),
    ).toEqual({
      name: 'flags',
      target: 'http://127.0.0.1:3000',
      services: [
        { name: 'worker', command: 'node worker.js' },
        { name: 'api', command: 'node api.js --port 3000', ready: { url: 'http://127.0.0.1:3000/health' } },
      ],
      hops: ['api>worker', 'worker>billing:child'],
      traffic: {
        requests: [
          { method: 'GET', path: '/work' },
          { method: 'POST', path: '/api/x', body: { sku: 'a', n: 2 } },
        ],
        count: 60,
        concurrency: 4,
        ratePerSecond: 50.5,
        propagate: false,
      },
      thresholds: { minRootCoverage: 0.9, minHopContinuity: 1, minLogCorrelation: 0.95 },
      completion: { quietMs: 200, timeoutMs: 5000 },
      seed: 42,
      reports: { json: 'out/r.json', junit: 'out/j.xml' },
    } satisfies Scenario);
  });

  it('defaults to one GET / and no services', () => {
    expect(flags('--target', 'http://127.0.0.1:1')).toEqual({
      name: 'flags',
      target: 'http://127.0.0.1:1',
      traffic: { requests: [{ method: 'GET', path: '/' }] },
    });
  });

  it('reads request bodies as JSON when they parse, as text otherwise', () => {
    expect(parseRequestFlag('put /a/{{seq}} hello there')).toEqual({
      method: 'PUT',
      path: '/a/{{seq}}',
      body: 'hello there',
    });
    expect(parseRequestFlag('POST /a [1,2]')).toEqual({ method: 'POST', path: '/a', body: [1, 2] });
  });

  it('lays tuning flags over a scenario file and keeps the rest', () => {
    const base: Scenario = {
      name: 'file',
      target: 'http://127.0.0.1:1',
      traffic: { requests: [{ path: '/' }], count: 10 },
      thresholds: { minRootCoverage: 0.8 },
      reports: { json: 'a.json' },
    };
    const args = parseRunArgs([
      'file.ts',
      '--requests',
      '20',
      '--min-hop-continuity',
      '0.5',
      '--report-html',
      'r.html',
    ]);
    expect(args.file).toBe('file.ts');
    expect(scenarioFromFlags(args, base)).toEqual({
      ...base,
      traffic: { requests: [{ path: '/' }], count: 20 },
      thresholds: { minRootCoverage: 0.8, minHopContinuity: 0.5 },
      reports: { json: 'a.json', html: 'r.html' },
    });
  });

  it.each([
    [['--target', 'http://x', '--bogus'], 'tracegate run: unknown flag --bogus (see tracegate run --help)'],
    [['--target'], 'tracegate run: --target needs a value'],
    [['--target', 'http://x', '--no-propagate=yes'], 'tracegate run: --no-propagate takes no value'],
    [['a.ts', 'b.ts'], 'tracegate run: unexpected argument "b.ts" (see tracegate run --help)'],
    [[], 'tracegate run: give a scenario file or --target URL (see tracegate run --help)'],
    [['--target', 'localhost:3000'], 'tracegate run: --target must be an http(s) URL, got "localhost:3000"'],
    [
      ['--target', 'http://x', '--requests', '0'],
      'tracegate run: --requests must be an integer from 1 to 10000000, got "0"',
    ],
    [
      ['--target', 'http://x', '--concurrency', 'many'],
      'tracegate run: --concurrency must be an integer from 1 to 10000, got "many"',
    ],
    [['--target', 'http://x', '--rate', '-1'], 'tracegate run: --rate must be a number > 0, got "-1"'],
    [
      ['--target', 'http://x', '--min-root-coverage', '95'],
      'tracegate run: --min-root-coverage must be a number from 0 to 1, got "95"',
    ],
    [
      ['--target', 'http://x', '--quiet-ms', '1s'],
      'tracegate run: --quiet-ms must be an integer from 0 to 3600000, got "1s"',
    ],
    [
      ['--target', 'http://x', '--request', 'GET'],
      'tracegate run: --request must read "METHOD /path" or "METHOD /path BODY", got "GET"',
    ],
    [
      ['--target', 'http://x', '--request', 'FETCH /a'],
      'tracegate run: --request "FETCH /a": method must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
    ],
    [['--target', 'http://x', '--service', 'api'], 'tracegate run: --service: expected NAME=COMMAND, got "api"'],
    [
      ['--target', 'http://x', '--service', 'api=x', '--service', 'api=y'],
      'tracegate run: --service names must differ',
    ],
    [['--target', 'http://x', '--ready', 'api=http://x/h'], 'tracegate run: --ready api: no --service is named "api"'],
    [
      ['--target', 'http://x', '--service', 'api=x', '--ready', 'api=ftp://x'],
      'tracegate run: --ready api: expected an http(s) URL or tcp://HOST:PORT, got "ftp://x"',
    ],
  ])('refuses %j naming the flag', (argv, message) => {
    expect(usage(() => flags(...argv))).toBe(message);
  });

  it('refuses flags that describe the system alongside a scenario file', () => {
    const base: Scenario = { name: 'f', target: 'http://x', traffic: { requests: [{ path: '/' }] } };
    expect(usage(() => scenarioFromFlags(parseRunArgs(['f.ts', '--hop', 'a>b']), base))).toBe(
      'tracegate run: --hop describes the system; with a scenario file, change the file',
    );
  });
});
