import type { CheckId } from '../report/report-checks.js';
import type { CheckOptions } from '../checks/check-options.js';
import type { SpanPattern } from '../dsl/span-pattern.js';
import type { EdgeSpec } from '../checks/parse-edge.js';
import type { RequestTemplate } from '../traffic/traffic-plan.js';
import type { Thresholds } from '../verdict/thresholds.js';
import type { ServiceSpec } from './services/service-spec.js';

/** The synthetic traffic of a scenario: the weighted mix and how much of it to send, how fast. */
export interface ScenarioTraffic {
  /** The weighted mix of requests (at least one); see RequestTemplate. */
  readonly requests: readonly RequestTemplate[];
  /** How many requests to send. Default 100 when `durationMs` is not given. */
  readonly count?: number;
  /** How long to keep starting requests, in ms. */
  readonly durationMs?: number;
  /** Most requests in flight at once. Default 8. */
  readonly concurrency?: number;
  /** Requests started per second. Default: no limit. */
  readonly ratePerSecond?: number;
  /** Send a `traceparent` and tracegate's baggage with every request. Default true. */
  readonly propagate?: boolean;
}

/** When the traces of the run count as complete (DESIGN.md, Completion). */
export interface ScenarioCompletion {
  /** How long no span of the run may arrive before the traces are judged. Default 300 ms. */
  readonly quietMs?: number;
  /** Hard deadline after the traffic ends; traces still receiving then make the run INCONCLUSIVE. Default 10,000 ms. */
  readonly timeoutMs?: number;
}

/** Where `tracegate run` writes reports, one path per format. */
export interface ScenarioReports {
  readonly json?: string;
  readonly junit?: string;
  readonly html?: string;
  readonly markdown?: string;
  /** Attribute keys to hide in every report besides the defaults (authorization, cookie, token, …), as --redact-key. */
  readonly redactKeys?: readonly string[];
}

/** How the checks read the run: CheckOptions without `edges` (those are the scenario's `hops`), plus `only`. */
export interface ScenarioChecks extends Omit<CheckOptions, 'edges'> {
  /** Checks to run, in report order. Default all five. */
  readonly only?: readonly CheckId[];
}

/** A span tree every completed request of one route must produce; a mismatch is a warning finding. */
export interface ScenarioExpectation {
  /** The route: a traffic request's `name`, or `METHOD /path-template` (as root-coverage keys routes). */
  readonly route: string;
  /** The tree, as a pattern (`span`) or a selector string (docs/dsl.md); it may match anywhere in the trace. */
  readonly tree: SpanPattern | string;
}

/** A complete description of one run: what to start, what to send, what to judge, where to report. */
export interface Scenario {
  /** Names the run in reports: letters, digits, `.`, `_`, `-`, ` `, `/`, `:`. */
  readonly name: string;
  /** Services tracegate starts (none when the system under test already runs). */
  readonly services?: readonly ServiceSpec[];
  /** Base URL the traffic goes to (`http:` or `https:`). */
  readonly target: string;
  readonly traffic: ScenarioTraffic;
  /** Edges to judge, `"api>worker"`, `"api>worker:child"` or EdgeSpec objects. Default: inferred from the spans. */
  readonly hops?: readonly (string | EdgeSpec)[];
  /** The gate; every field defaults to DEFAULT_THRESHOLDS. */
  readonly thresholds?: Partial<Thresholds>;
  readonly completion?: ScenarioCompletion;
  readonly checks?: ScenarioChecks;
  /** Seed of every random choice (trace ids, the mix): the same seed replays the same traffic. Default random. */
  readonly seed?: number;
  readonly reports?: ScenarioReports;
  /** Span trees the routes' traces must match; mismatches are `expectation.mismatch` findings, not a FAIL. */
  readonly expect?: readonly ScenarioExpectation[];
}

/** Types a scenario written in TypeScript (`export default defineScenario({ … })`); returns it unchanged. */
export function defineScenario<const S extends Scenario>(scenario: S): S {
  return scenario;
}
