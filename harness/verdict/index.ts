// Statistics, thresholds and the verdict: pure functions from check results and harness health to a decision.
export { normalQuantile } from './normal-quantile.js';
export type { ConfidenceInterval } from './wilson-interval.js';
export { wilsonInterval } from './wilson-interval.js';
export type { GateOn, Thresholds } from './thresholds.js';
export { DEFAULT_THRESHOLDS, resolveThresholds } from './thresholds.js';
export type { RateCheckId, RateRule } from './rate-rule.js';
export { rateRule } from './rate-rule.js';
export type { RateJudgement } from './judge-rate.js';
export { judgeRate } from './judge-rate.js';
export type { AllOrNothingJudgement } from './judge-all-or-nothing.js';
export { judgeAllOrNothing } from './judge-all-or-nothing.js';
export type { CheckStatus, RowStatus } from './check-status.js';
export { combineStatuses } from './check-status.js';
export type { Verdict, VerdictExitCode } from './verdict.js';
export { VERDICTS, VERDICT_EXIT_CODES, exitCodeFor, opensGate } from './verdict.js';
export type { HarnessHealth, VerdictDecision, VerdictInput } from './decide-verdict.js';
export { decideVerdict } from './decide-verdict.js';
