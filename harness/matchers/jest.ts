// `import 'tracegate/jest'` (or `require`): adds tracegate's matchers to jest's `expect` and to its types.
import { createRequire } from 'node:module';
import { join } from 'node:path';
// Types only: this also brings the `expect` package's declarations in, which the augmentation below extends.
import type * as JestGlobals from '@jest/globals';
import { tracegateMatchers } from './matchers.js';
import type { TracegateMatchers } from './types.js';

interface Extendable {
  extend(matchers: Record<string, unknown>): void;
}

// The `expect` package keeps its state on the global object under this key; jest sets `testPath` in it before any
// setup or test file runs.
const EXPECT_STATE: unique symbol = Symbol.for('$$jest-matchers-object');

function testFilePath(): string | undefined {
  const testPath = (globalThis as { [EXPECT_STATE]?: { state?: { testPath?: unknown } } })[EXPECT_STATE]?.state
    ?.testPath;
  return typeof testPath === 'string' ? testPath : undefined;
}

/**
 * `expect` from `@jest/globals`, loaded synchronously so that this file needs no top-level await and compiles to
 * CommonJS too. Inside jest both loaders are jest's own, and answer '@jest/globals' without resolving it: a CommonJS
 * module's `require`, and the `createRequire` of the `node:module` jest hands to ES modules. jest 29 answers only
 * for a file it made a `jest` object for (every CommonJS module, and the test file), hence the test file's path.
 */
function jestGlobalsExpect(): Extendable {
  // `require` exists only in the CommonJS build.
  const load =
    typeof require === 'function' ? require : createRequire(testFilePath() ?? join(process.cwd(), 'tracegate.js'));
  return (load('@jest/globals') as typeof JestGlobals).expect;
}

// jest puts `expect` on the test file's global object unless `injectGlobals` is off; then @jest/globals has it.
const globalExpect = (globalThis as { expect?: Partial<Extendable> }).expect;
const expect: Extendable =
  typeof globalExpect?.extend === 'function' ? (globalExpect as Extendable) : jestGlobalsExpect();
expect.extend(tracegateMatchers);

// `expect` from @jest/globals (jest ≥ 28) types its matchers with the `expect` package's interface.
declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges into jest's interface, whose type parameters must be repeated exactly
  interface Matchers<R extends void | Promise<void>, T = unknown> extends TracegateMatchers<R, T> {}
}

// The global `expect` typed by @types/jest.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- @types/jest declares its matchers in this namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- as above
    interface Matchers<R, T = {}> extends TracegateMatchers<R, T> {}
  }
}

export type { TracegateMatchers } from './types.js';
