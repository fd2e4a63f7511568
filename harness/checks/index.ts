// The five checks of DESIGN.md: pure functions from request records, the forest and logs to report sections.
export type { CheckInput, CheckResult } from './check-input.js';
export type { CheckOptions } from './check-options.js';
export type { EdgeSpec } from './parse-edge.js';
export { parseEdge } from './parse-edge.js';
export { checkInputFromStore } from './check-input-from-store.js';
export { rootCoverage } from './root-coverage.js';
export { hopContinuity } from './hop-continuity.js';
export { errorRecording } from './error-recording.js';
export { logCorrelation } from './log-correlation.js';
export { hygiene } from './hygiene.js';
export type { ChecksOutcome, RunChecksOptions } from './run-checks.js';
export { runChecks } from './run-checks.js';
