// The scenario runner: a scenario (code or file) in, Report v1 out (docs/scenarios.md).
export type {
  Scenario,
  ScenarioChecks,
  ScenarioCompletion,
  ScenarioExpectation,
  ScenarioReports,
  ScenarioTraffic,
} from './scenario.js';
export { defineScenario } from './scenario.js';
export { validateScenario } from './validate-scenario.js';
export { loadScenario } from './load-scenario.js';
export type { RunScenarioOptions } from './run-options.js';
export { DEFAULT_MAX_EXAMPLE_TRACES } from './run-options.js';
export { runScenario } from './run-scenario.js';
export { HTTP_METHODS } from './_internals/validate-traffic.js';
