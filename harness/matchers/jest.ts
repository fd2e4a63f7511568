// `import 'tracegate/jest'`: adds tracegate's matchers to jest's `expect` and to its types.
import { tracegateMatchers } from './matchers.js';
import type { TracegateMatchers } from './types.js';

interface Extendable {
  extend(matchers: Record<string, unknown>): void;
}

// jest puts `expect` on the test file's global object unless `injectGlobals` is off; then @jest/globals has it.
const globalExpect = (globalThis as { expect?: Partial<Extendable> }).expect;
const expect: Extendable =
  typeof globalExpect?.extend === 'function' ? (globalExpect as Extendable) : (await import('@jest/globals')).expect;
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
