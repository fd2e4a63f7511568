import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Type-checks a user's TypeScript tests against the built declarations (dist/), reached as the installed package
// would be: node_modules/tracegate -> this repository. `@ts-expect-error` lines prove the types are not `any`.
const REPO = fileURLToPath(new URL('../..', import.meta.url));

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    lib: ['ES2023'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  include: ['*.ts'],
};

const COMMON = `
import { assembleTrace } from 'tracegate';
import type { LogRecord, TraceTree } from 'tracegate';
declare const tree: TraceTree;
declare const logs: LogRecord[];
export { assembleTrace, logs, tree };
`;

const JEST_GLOBALS = `
import { expect } from '@jest/globals';
import 'tracegate/jest';
import { tree, logs } from './common.js';

expect(tree).toMatchSpanTree('server >> consumer');
expect(tree).toContainSpan('client', { atLeast: 1, atMost: 2 });
expect(tree).not.toHaveNoOrphans();
expect(tree).toBeContinuousAcross({ from: 'producer', to: 'consumer', via: 'link' });
expect({ tree }).toHaveRecordedError();
expect(tree).toHaveCorrelatedLogs(logs, { requestKeys: ['order-1'] });
await expect(Promise.resolve(tree)).resolves.toHaveNoOrphans();
// A pending trace makes the matcher itself asynchronous, and the types say so.
const pending: Promise<void> = expect(Promise.resolve(tree)).toMatchSpanTree('server');
await pending;
// @ts-expect-error a count is a number, { atLeast, atMost } or 'none'
expect(tree).toContainSpan('client', 'lots');
// @ts-expect-error via is 'child', 'link' or 'either'
expect(tree).toBeContinuousAcross({ from: 'a', to: 'b', via: 'sideways' });
`;

const JEST_TYPES = `
/// <reference types="jest" />
import 'tracegate/jest';
import { tree, logs } from './common.js';

expect(tree).toMatchSpanTree('server >> consumer');
expect(tree).not.toHaveCorrelatedLogs(logs);
// @ts-expect-error logs are LogRecords
expect(tree).toHaveCorrelatedLogs(['a log line']);
`;

const VITEST = `
import { expect } from 'vitest';
import 'tracegate/vitest';
import { tree } from './common.js';

expect(tree).toBeContinuousAcross('api>worker:child');
await expect(Promise.resolve(tree)).resolves.toMatchSpanTree('server');
await expect(Promise.resolve(tree)).toHaveNoOrphans();
// @ts-expect-error toHaveNoOrphans takes no argument
expect(tree).toHaveNoOrphans(1);
`;

const ARBITRARIES = `
import type { Arbitrary } from 'fast-check';
import { traceTreeArbitrary, spanForestArbitrary } from 'tracegate/arbitraries';
import type { SpanRecord, TraceTree } from 'tracegate';

export const trees: Arbitrary<TraceTree> = traceTreeArbitrary({ services: ['api', 'worker'] });
export const forests: Arbitrary<SpanRecord[]> = spanForestArbitrary({ maxTraces: 2 });
`;

function tsc(project: string): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', project],
      { timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ exitCode: error === null ? 0 : Number(error.code), output: stdout + stderr }),
    );
  });
}

describe("a user's TypeScript tests", () => {
  it('type-check with the matchers on @jest/globals, @types/jest and vitest, and with the arbitraries', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracegate-types-'));
    try {
      await mkdir(join(dir, 'node_modules'));
      for (const name of ['@jest', '@types', 'expect', 'vitest', 'fast-check']) {
        await symlink(join(REPO, 'node_modules', name), join(dir, 'node_modules', name));
      }
      await symlink(REPO, join(dir, 'node_modules/tracegate'));
      await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
      await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
      const files = { common: COMMON, 'jest-globals': JEST_GLOBALS, 'jest-types': JEST_TYPES, vitest: VITEST };
      for (const [name, text] of Object.entries({ ...files, arbitraries: ARBITRARIES })) {
        await writeFile(join(dir, `${name}.ts`), text);
      }
      const result = await tsc(dir);
      expect(result.output).toBe('');
      expect(result.exitCode).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
