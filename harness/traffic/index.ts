// The traffic driver's public surface; harness/index.ts re-exports it.
export { driveTraffic } from './drive-traffic.js';
export { DRIVE_DEFAULTS } from './drive-options.js';
export type { DriveOptions } from './drive-options.js';
export type { JsonValue, RequestTemplate, TrafficPlan } from './traffic-plan.js';
export type {
  CorrelationMethod,
  RequestError,
  RequestErrorCode,
  RequestRecord,
  RequestTimings,
  TrafficProgress,
  TrafficResult,
} from './request-record.js';
export { formatTraceparent, isSampled, parseTraceparent } from './w3c/traceparent.js';
export type { Traceparent, TraceparentParse } from './w3c/traceparent.js';
export { TRACESTATE_MAX_LENGTH, TRACESTATE_MAX_MEMBERS, tracestateProblem } from './w3c/tracestate.js';
export { BAGGAGE_MAX_BYTES, BAGGAGE_MAX_MEMBERS, baggageProblem } from './w3c/baggage.js';
export { startProgressDisplay, progressMode } from './progress/progress-display.js';
export type { ProgressDisplay, ProgressDisplayOptions, ProgressStream } from './progress/progress-display.js';
export { ProgressMeter } from './progress/progress-meter.js';
export type { ProgressCounter, ProgressView } from './progress/progress-meter.js';
export { renderProgressBar, renderProgressLine } from './progress/render-progress.js';
