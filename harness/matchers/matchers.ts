import { toBeContinuousAcross } from './to-be-continuous-across.js';
import { toContainSpan } from './to-contain-span.js';
import { toHaveCorrelatedLogs } from './to-have-correlated-logs.js';
import { toHaveNoOrphans } from './to-have-no-orphans.js';
import { toHaveRecordedError } from './to-have-recorded-error.js';
import { toMatchSpanTree } from './to-match-span-tree.js';

/**
 * Every tracegate matcher, ready for `expect.extend(tracegateMatchers)` in jest or vitest. `import 'tracegate/jest'`
 * or `import 'tracegate/vitest'` does that for you.
 */
export const tracegateMatchers = Object.freeze({
  toMatchSpanTree,
  toContainSpan,
  toHaveNoOrphans,
  toBeContinuousAcross,
  toHaveRecordedError,
  toHaveCorrelatedLogs,
});
