import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// A user's code loads scenario files through either build of `tracegate`: `import` (dist/) and `require`
// (dist/cjs). The CommonJS build once turned the loader's dynamic import into require(), which cannot load ES
// modules; these run the built packages in a child process, as a user's project would.
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

const SCENARIO_BODY = `{ name: 'loaded', target: 'http://127.0.0.1:9', traffic: { requests: [{ path: '/x' }] } }`;

async function withScenarioFiles<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'tracegate-load-'));
  try {
    await writeFile(
      join(dir, 'scenario.ts'),
      `const name: string = 'loaded';\nexport default { ...${SCENARIO_BODY}, name };\n`,
    );
    await writeFile(join(dir, 'scenario.mjs'), `export default ${SCENARIO_BODY};\n`);
    await writeFile(join(dir, 'scenario.cjs'), `module.exports = ${SCENARIO_BODY};\n`);
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const LOAD_ALL = (dir: string): string => `
  for (const file of ['scenario.ts', 'scenario.mjs', 'scenario.cjs']) {
    const scenario = await tracegate.loadScenario(${JSON.stringify(dir)} + '/' + file);
    console.log(file, scenario.name, typeof tracegate.runScenario);
  }`;

describe('loadScenario in both builds', () => {
  it('loads TypeScript, ES module and CommonJS scenarios through require("tracegate")', async () => {
    await withScenarioFiles(async (dir) => {
      const script = `const tracegate = require('tracegate'); (async () => { ${LOAD_ALL(dir)} })().catch((e) => { console.error(e.message); process.exit(1); });`;
      const { stdout } = await run(process.execPath, ['-e', script], { cwd: REPO });
      expect(stdout.trim().split('\n')).toEqual([
        'scenario.ts loaded function',
        'scenario.mjs loaded function',
        'scenario.cjs loaded function',
      ]);
    });
  });

  it('loads the same files through import("tracegate")', async () => {
    await withScenarioFiles(async (dir) => {
      const script = `const tracegate = await import('tracegate'); ${LOAD_ALL(dir)}`;
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO });
      expect(stdout.trim().split('\n')).toEqual([
        'scenario.ts loaded function',
        'scenario.mjs loaded function',
        'scenario.cjs loaded function',
      ]);
    });
  });
});
