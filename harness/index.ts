// tracegate's public API. Everything exported here is supported; anything else is internal.
import './dispose.js';
export * from './model/index.js';
export {
  ErrorCode,
  TracegateError,
  InvalidArgumentError,
  OtlpDecodeError,
  BodyTooLargeError,
  UnsupportedMediaTypeError,
  OverloadedError,
  TimeoutError,
  PatternSyntaxError,
  InvalidReportError,
  ServiceStartError,
} from './errors.js';
export type { ServiceStartFailure } from './errors.js';

export { Store } from './collect/store.js';
export type { StoreCounters, StoreListener, StoreOptions } from './collect/store.js';
export { sharedStore } from './collect/shared-store.js';
export { startReceiver } from './collect/otlp/receiver.js';
export type { Receiver } from './collect/otlp/receiver.js';
export type { ReceiverOptions } from './collect/otlp/receiver-options.js';
export { RECEIVER_DEFAULTS } from './collect/otlp/receiver-options.js';
export type { ReceiverStats } from './collect/otlp/receiver-stats.js';
export { TracegateSpanProcessor, TracegateSpanExporter } from './collect/memory/index.js';
export type { TracegateSpanProcessorOptions, TracegateSpanExporterOptions } from './collect/memory/index.js';

export type { Clock } from './clock.js';
export { systemClock, ManualClock } from './clock.js';
export * from './forest/index.js';
export * from './dsl/index.js';
export * from './verdict/index.js';
export * from './report/index.js';
export * from './traffic/index.js';
export * from './checks/index.js';
export * from './collect/logs/index.js';
export * from './run/services/index.js';

export { startHarness } from './harness.js';
export type { Harness } from './harness.js';
export type { HarnessOptions, TraceWaitOptions } from './harness-options.js';
export { tracegateMatchers } from './matchers/matchers.js';
export type {
  TracegateMatchers,
  MatcherReturn,
  HopSpec,
  HopVia,
  TraceSource,
  TraceWithContext,
  CorrelatedLogsOptions,
} from './matchers/types.js';
// Scenarios: defined in code or files, run from code or through `tracegate run` (docs/scenarios.md).
export { defineScenario } from './run/scenario.js';
export { loadScenario } from './run/load-scenario.js';
export { runScenario } from './run/run-scenario.js';
export type { RunScenarioOptions } from './run/run-options.js';
export type { Scenario, ScenarioChecks, ScenarioCompletion, ScenarioReports, ScenarioTraffic } from './run/scenario.js';
export type { ScenarioExpectation } from './run/scenario.js';
export type {
  Dependency,
  DependencyAvailability,
  DependencyKind,
  DependencySource,
  DockerAvailability,
  StartDependencyOptions,
} from './infra/index.js';
export {
  BUILD_IMAGES_SCRIPT,
  DEFAULT_DEPENDENCY_STARTUP_TIMEOUT_MS,
  DEPENDENCY_KINDS,
  dependencyAvailability,
  dockerAvailability,
  startDependency,
} from './infra/index.js';
