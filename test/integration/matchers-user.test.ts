import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';

// A user's project in miniature: test files that import only `tracegate` and `tracegate/jest` (or `/vitest`), run by
// the real test runners. `tracegate` resolves through this package's "exports" map, so dist/ must be built: the ES
// module build for `import`, the CommonJS one (dist/cjs) for `require`.
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(REPO, 'test/fixtures/matchers-user');
const BROKEN_HOP = 'a broken hop fails with the orphan named';

interface RunResult {
  readonly exitCode: number;
  readonly output: string;
  readonly report: unknown;
}

async function run(cwd: string, args: readonly string[], reportFlag: (path: string) => string[]): Promise<RunResult> {
  const dir = await mkdtemp(join(tmpdir(), 'tracegate-user-'));
  const reportPath = join(dir, 'report.json');
  try {
    const { exitCode, output } = await new Promise<{ exitCode: number; output: string }>((resolve, reject) => {
      execFile(
        process.execPath,
        [...args, ...reportFlag(reportPath)],
        { cwd, timeout: 120_000, env: { ...process.env, CI: '1', NO_COLOR: '1' } },
        (error, stdout, stderr) => {
          const code = error === null ? 0 : typeof error.code === 'number' ? error.code : undefined;
          if (code === undefined) reject(error ?? new Error('runner did not exit'));
          else resolve({ exitCode: code, output: `${stdout}\n${stderr}` });
        },
      );
    });
    return { exitCode, output, report: JSON.parse(await readFile(reportPath, 'utf8')) as unknown };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface TestOutcome {
  readonly title: string;
  readonly status: string;
  readonly failure: string;
}

/** jest's and vitest's JSON reports share this shape: testResults[].assertionResults[]. */
function outcomes(report: unknown): TestOutcome[] {
  const results = (report as { testResults: { assertionResults: Record<string, unknown>[] }[] }).testResults;
  return results.flatMap((file) =>
    file.assertionResults.map((test) => ({
      title: String(test.title),
      status: String(test.status),
      failure: stripVTControlCharacters(((test.failureMessages as string[] | undefined) ?? []).join('\n')),
    })),
  );
}

function expectBrokenHopMessage(failure: string): void {
  expect(failure).toContain('expect(trace).toHaveNoOrphans()');
  expect(failure).toContain('Expected: no orphan spans');
  expect(failure).toContain('Received: 1 orphan among 3 spans:');
  expect(failure).toContain(
    'consumer "orders process" [worker] b000000000000001 names parent a000000000000003, which never arrived',
  );
  expect(failure).toContain(
    '> consumer "orders process" [worker] b000000000000001 (orphan: parent a000000000000003 never arrived)',
  );
}

describe("a user's project", () => {
  it('finds the built package, both builds (npm run build)', async () => {
    expect(existsSync(join(REPO, 'dist/harness/matchers/jest.js'))).toBe(true);
    expect(existsSync(join(REPO, 'dist/cjs/harness/matchers/jest.js'))).toBe(true);
    expect(JSON.parse(await readFile(join(REPO, 'dist/cjs/package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
  });

  it('gets every matcher in jest from `import "tracegate/jest"`, with or without injected globals, or from a setup file', async () => {
    const jest = join(REPO, 'node_modules/jest/bin/jest.js');
    const result = await run(
      join(FIXTURES, 'jest'),
      ['--experimental-vm-modules', jest, '--config', 'jest.config.mjs', '--ci'],
      (path) => ['--json', `--outputFile=${path}`],
    );
    const tests = outcomes(result.report);
    expect(tests.map(({ title, status }) => [title, status])).toEqual(
      expect.arrayContaining([
        ['a healthy checkout passes every matcher', 'passed'],
        ['generated single-root trees have no orphans', 'passed'],
        ['async: a promised trace resolves into the matcher', 'passed'],
        ['matchers are on the imported expect', 'passed'],
        ['matchers registered by the setup file', 'passed'],
        [BROKEN_HOP, 'failed'],
      ]),
    );
    expect(tests).toHaveLength(6);
    expect(result.exitCode).toBe(1);
    expectBrokenHopMessage(tests.find((test) => test.title === BROKEN_HOP)!.failure);
  });

  it('gets every matcher in vitest from `import "tracegate/vitest"`', async () => {
    const vitest = join(REPO, 'node_modules/vitest/vitest.mjs');
    const result = await run(join(FIXTURES, 'vitest'), [vitest, 'run', '--config', 'vitest.config.mjs'], (path) => [
      '--reporter=json',
      `--outputFile=${path}`,
    ]);
    const tests = outcomes(result.report);
    expect(tests.map(({ title, status }) => [title, status])).toEqual([
      ['a healthy checkout passes every matcher', 'passed'],
      ['async: a promised trace resolves into the matcher', 'passed'],
      [BROKEN_HOP, 'failed'],
    ]);
    expect(result.exitCode).toBe(1);
    expectBrokenHopMessage(tests.find((test) => test.title === BROKEN_HOP)!.failure);
  });

  it('gets every matcher in CommonJS jest from `require("tracegate/jest")`, a setup file, or TypeScript through ts-jest', async () => {
    // No --experimental-vm-modules: jest's CommonJS module system, which cannot load ES modules.
    const jest = join(REPO, 'node_modules/jest/bin/jest.js');
    const result = await run(join(FIXTURES, 'jest-cjs'), [jest, '--config', 'jest.config.cjs', '--ci'], (path) => [
      '--json',
      `--outputFile=${path}`,
    ]);
    const tests = outcomes(result.report);
    expect(tests.map(({ title, status }) => [title, status])).toEqual(
      expect.arrayContaining([
        ['require: loads the CommonJS build', 'passed'],
        ['require: a healthy checkout passes every matcher', 'passed'],
        ['require: generated single-root trees have no orphans', 'passed'],
        ['require: a promised trace resolves into the matcher', 'passed'],
        ['require: matchers are on the imported expect', 'passed'],
        ['require: matchers registered by the setup file', 'passed'],
        ['typescript: matchers on the global expect and on the imported one', 'passed'],
        ['typescript: matcher arguments are typed', 'passed'],
        [`require: ${BROKEN_HOP}`, 'failed'],
        [`typescript: ${BROKEN_HOP}`, 'failed'],
      ]),
    );
    expect(tests).toHaveLength(10);
    expect(result.exitCode).toBe(1);
    expectBrokenHopMessage(tests.find((test) => test.title === `require: ${BROKEN_HOP}`)!.failure);
    expectBrokenHopMessage(tests.find((test) => test.title === `typescript: ${BROKEN_HOP}`)!.failure);
  }, 60_000);

  it('maps each entry point to both builds, with declarations beside each, and the same ones for node10 resolution', async () => {
    interface EntryPoint {
      readonly require: { readonly types: string; readonly default: string };
      readonly types: string;
      readonly default: string;
    }
    const pkg = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as {
      exports: Record<string, EntryPoint | string>;
      typesVersions: { '*': Record<string, string[]> };
    };
    const entries = Object.entries(pkg.exports).filter(
      (entry): entry is [string, EntryPoint] => typeof entry[1] === 'object',
    );
    expect(entries.map(([subpath]) => subpath)).toEqual(['.', './jest', './vitest', './arbitraries']);
    for (const [subpath, entry] of entries) {
      expect(entry.default).toMatch(/^\.\/dist\/harness\/.+\.js$/);
      expect(entry.require.default).toBe(entry.default.replace('./dist/', './dist/cjs/'));
      expect(entry.types).toBe(entry.default.replace(/\.js$/, '.d.ts'));
      expect(entry.require.types).toBe(entry.require.default.replace(/\.js$/, '.d.ts'));
      for (const file of [entry.default, entry.types, entry.require.default, entry.require.types]) {
        expect(existsSync(join(REPO, file))).toBe(true);
      }
      if (subpath !== '.') expect(pkg.typesVersions['*'][subpath.slice(2)]).toEqual([entry.types]);
    }
  });

  it('gets the same exports from `require` and `import`, and the two copies share their state', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['dual-package.cjs'], { cwd: FIXTURES });
    const { entries, copies } = JSON.parse(stdout) as {
      entries: Record<string, { requireFile: string; requireNames: string[]; importNames: string[] }>;
      copies: Record<string, boolean>;
    };
    expect(Object.keys(entries)).toEqual(['tracegate', 'tracegate/arbitraries']);
    for (const { requireFile, requireNames, importNames } of Object.values(entries)) {
      expect(requireFile).toContain(`${sep}dist${sep}cjs${sep}`);
      expect(requireNames).toEqual(importNames);
    }
    expect(entries.tracegate!.requireNames).toEqual(expect.arrayContaining(['assembleTrace', 'span', 'sharedStore']));
    expect(entries['tracegate/arbitraries']!.requireNames).toContain('traceTreeArbitrary');
    expect(copies).toEqual({
      distinct: true,
      sameSharedStore: true,
      cjsPatternIsEsmSpanPattern: true,
      esmPatternIsCjsSpanPattern: true,
      errorCodesMatch: true,
    });
  });
});
