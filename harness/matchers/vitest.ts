// `import 'tracegate/vitest'`: adds tracegate's matchers to vitest's `expect` and to its types.
import { expect } from 'vitest';
import { tracegateMatchers } from './matchers.js';
import type { TracegateMatchers } from './types.js';

expect.extend(tracegateMatchers);

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any -- merges into vitest's interface, whose type parameter must be repeated exactly
  interface Assertion<T = any> extends TracegateMatchers<void, T> {}
}

export type { TracegateMatchers } from './types.js';
