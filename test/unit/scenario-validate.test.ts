import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '../../harness/errors.js';
import { defineScenario } from '../../harness/run/scenario.js';
import { loadScenario } from '../../harness/run/load-scenario.js';
import { validateScenario } from '../../harness/run/validate-scenario.js';

const good = defineScenario({
  name: 'checkout',
  services: [{ name: 'api', command: 'node api.js', ready: { logLine: /listening/ } }],
  target: 'http://127.0.0.1:3000',
  traffic: { requests: [{ method: 'POST', path: '/api/checkout', body: { sku: 'a' }, weight: 2 }], count: 50 },
  hops: ['api>worker', { from: 'worker', to: 'billing', accepts: 'child' }],
  thresholds: { minRootCoverage: 0.9, gateOn: 'lower-bound' },
  completion: { quietMs: 200, timeoutMs: 5000 },
  checks: { entryKinds: ['server', 'consumer'], exampleLimit: 3 },
  seed: 7,
  reports: { json: 'out/report.json', junit: 'out/junit.xml' },
});

/** The message validateScenario throws for `scenario`. */
function problem(scenario: unknown): string {
  try {
    validateScenario(scenario, 'test');
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return (error as Error).message;
  }
  throw new Error('expected the scenario to be refused');
}

describe('validateScenario', () => {
  it('accepts a complete scenario', () => {
    const valid = validateScenario(good);
    expect(valid.traffic).toBe(good.traffic);
    expect(valid.services?.[0]?.ready).toEqual({ logLine: /listening/ });
  });

  it('compiles a logLine string, as a JSON scenario writes it', () => {
    const json: unknown = JSON.parse(
      JSON.stringify({ ...good, services: [{ name: 'a', command: 'x', ready: { logLine: 'up' } }] }),
    );
    expect(validateScenario(json).services?.[0]?.ready).toEqual({ logLine: /up/ });
  });

  it('accepts the smallest scenario', () => {
    const minimal = { name: 'm', target: 'https://example.test', traffic: { requests: [{ path: '/' }] } };
    expect(validateScenario(minimal)).toEqual(minimal);
  });

  it.each([
    [
      'a method not in the list',
      { traffic: { requests: [{ path: '/a' }, { path: '/b' }, { method: 'FETCH', path: '/c' }] } },
      'test: scenario.traffic.requests[2].method: expected one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, got "FETCH"',
    ],
    [
      'a path without /',
      { traffic: { requests: [{ path: 'api' }] } },
      'test: scenario.traffic.requests[0].path: expected a string starting with /, got "api"',
    ],
    [
      'no requests',
      { traffic: { requests: [] } },
      'test: scenario.traffic.requests: expected a non-empty array of requests, got []',
    ],
    [
      'a fractional count',
      { traffic: { requests: [{ path: '/' }], count: 1.5 } },
      'test: scenario.traffic.count: expected an integer >= 1, got 1.5',
    ],
    [
      'a target that is no URL',
      { target: 'localhost:3000' },
      'test: scenario.target: expected an http(s) URL, got "localhost:3000"',
    ],
    [
      'a bad name',
      { name: '' },
      `test: scenario.name: expected 1 to 128 letters, digits, ' ', '.', '_', '-', '/' or ':', got ""`,
    ],
    [
      'a threshold above 1',
      { thresholds: { minHopContinuity: 1.2 } },
      'test: scenario.thresholds.minHopContinuity: expected a number from 0 to 1, got 1.2',
    ],
    [
      'an unknown threshold',
      { thresholds: { minCoverage: 0.9 } },
      'test: scenario.thresholds.minCoverage: unknown field; the fields are minRootCoverage, minHopContinuity, minLogCorrelation, gateOn, confidence, minSamples, failOnHygiene',
    ],
    [
      'a negative quiet period',
      { completion: { quietMs: -1 } },
      'test: scenario.completion.quietMs: expected a number >= 0, got -1',
    ],
    [
      'a bad hop',
      { hops: ['api->worker'] },
      'test: scenario.hops[0]: edge "api->worker" must read "from>to" with service names, optionally ending in :child',
    ],
    [
      'an unknown check',
      { checks: { only: ['coverage'] } },
      'test: scenario.checks.only[0]: expected one of root-coverage, hop-continuity, error-recording, log-correlation, hygiene, got "coverage"',
    ],
    ['a negative seed', { seed: -3 }, 'test: scenario.seed: expected an integer >= 0, got -3'],
    [
      'an unknown report kind',
      { reports: { pdf: 'x.pdf' } },
      'test: scenario.reports.pdf: unknown field; the fields are json, junit, html, markdown, redactKeys',
    ],
    [
      'a redact key with nothing to match',
      { reports: { redactKeys: ['token', '--'] } },
      'test: scenario.reports.redactKeys[1]: expected an attribute key with a letter or digit, got "--"',
    ],
    [
      'a service without a command',
      { services: [{ name: 'api' }] },
      'test: scenario.services[0].command: expected a non-empty command string or argv array of strings, got undefined',
    ],
    [
      'a misspelt top-level field',
      { hop: ['a>b'] },
      'test: scenario.hop: unknown field; the fields are name, services, target, traffic, hops, thresholds, completion, checks, seed, reports, expect',
    ],
  ])('names the field for %s', (_, change, message) => {
    expect(problem({ ...good, ...change })).toBe(message);
  });

  it('lists every problem at once', () => {
    const message = problem({
      ...good,
      target: 'x',
      seed: 'a',
      traffic: { requests: [{ path: '/' }], concurrency: 0 },
    });
    expect(message.split('\n')).toEqual([
      'test: 3 problems',
      '  scenario.target: expected an http(s) URL, got "x"',
      '  scenario.traffic.concurrency: expected an integer from 1 to 10000, got 0',
      '  scenario.seed: expected an integer >= 0, got "a"',
    ]);
  });

  it('refuses what is not an object', () => {
    expect(problem([])).toBe('test: scenario: expected an object, got object');
  });
});

describe('loadScenario', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracegate-scenario-'));

  it('loads and validates a JSON file, naming the file and field', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(
      path,
      JSON.stringify({ ...good, services: undefined, traffic: { requests: [{ path: '/', method: 'GOT' }] } }),
    );
    await expect(loadScenario(path)).rejects.toThrow(
      `${path}: scenario.traffic.requests[0].method: expected one of GET`,
    );
    writeFileSync(join(dir, 'good.json'), JSON.stringify({ ...good, services: undefined }));
    await expect(loadScenario(join(dir, 'good.json'))).resolves.toMatchObject({ name: 'checkout', seed: 7 });
  });

  // TypeScript files load through tsx, whose loader hooks cannot run inside jest: test/integration/run-cli.test.ts
  // runs `tracegate run scenario.ts` in a process of its own.
  it('says what is wrong with a file it cannot use', async () => {
    writeFileSync(join(dir, 'broken.json'), '{ "name": ');
    await expect(loadScenario(join(dir, 'broken.json'))).rejects.toThrow(/broken\.json is not valid JSON/);
    await expect(loadScenario(join(dir, 'missing.json'))).rejects.toThrow(/could not read .*missing\.json/);
    await expect(loadScenario(join(dir, 'scenario.yaml'))).rejects.toThrow(/expected a \.json, \.ts/);
    writeFileSync(join(dir, 'empty.mjs'), 'export const other = 1;\n');
    await expect(loadScenario(join(dir, 'empty.mjs'))).rejects.toThrow(/has no scenario: export one as default/);
  });
});
