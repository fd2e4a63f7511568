import { InvalidArgumentError } from '../errors.js';

/** What a rate is held against its threshold by: the point estimate, or the lower end of its confidence interval. */
export type GateOn = 'estimate' | 'lower-bound';

/** The gate a run is judged by; a report records the one it used. */
export interface Thresholds {
  /** Least share of requests whose entry span was received, per route and overall. */
  readonly minRootCoverage: number;
  /** Least share of hops whose downstream span continues the upstream trace, per edge and overall. */
  readonly minHopContinuity: number;
  /** Least share of request-scoped logs whose ids resolve to a span of the right trace and service. */
  readonly minLogCorrelation: number;
  readonly gateOn: GateOn;
  /** Two-sided confidence of every interval in the report, and of the lower bound when gating on it. */
  readonly confidence: number;
  /** A rate judged on fewer samples than this is inconclusive rather than pass or fail. */
  readonly minSamples: number;
  /** Hygiene findings fail the run only when this is true; otherwise they are reported. */
  readonly failOnHygiene: boolean;
}

/** The gate when nothing is configured (DESIGN.md, Checks). */
export const DEFAULT_THRESHOLDS: Thresholds = Object.freeze({
  minRootCoverage: 0.95,
  minHopContinuity: 0.99,
  minLogCorrelation: 0.99,
  gateOn: 'estimate',
  confidence: 0.95,
  // The usual rule of thumb for judging a proportion; fewer samples prove little either way.
  minSamples: 30,
  failOnHygiene: false,
});

const API = 'tracegate.resolveThresholds()';
const RATE_KEYS = ['minRootCoverage', 'minHopContinuity', 'minLogCorrelation'] as const;

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The complete gate: `options` over DEFAULT_THRESHOLDS, each value checked (undefined means the default). */
export function resolveThresholds(options: Partial<Thresholds> = {}): Thresholds {
  const unknown = Object.keys(options).find((key) => !Object.hasOwn(DEFAULT_THRESHOLDS, key));
  if (unknown !== undefined) {
    const known = Object.keys(DEFAULT_THRESHOLDS).join(', ');
    throw new InvalidArgumentError(`${API}: unknown option ${JSON.stringify(unknown)}; the options are ${known}`);
  }
  const defined = Object.entries(options).filter(([, value]) => value !== undefined);
  const merged: Record<keyof Thresholds, unknown> = { ...DEFAULT_THRESHOLDS, ...Object.fromEntries(defined) };
  for (const key of RATE_KEYS) {
    const value = merged[key];
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new InvalidArgumentError(`${API}: ${key} must be a number from 0 to 1, got ${describe(value)}`);
    }
  }
  const { gateOn, confidence, minSamples, failOnHygiene } = merged;
  if (gateOn !== 'estimate' && gateOn !== 'lower-bound') {
    throw new InvalidArgumentError(`${API}: gateOn must be "estimate" or "lower-bound", got ${describe(gateOn)}`);
  }
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new InvalidArgumentError(
      `${API}: confidence must be a number strictly between 0 and 1, got ${describe(confidence)}`,
    );
  }
  if (typeof minSamples !== 'number' || !Number.isSafeInteger(minSamples) || minSamples < 1) {
    throw new InvalidArgumentError(`${API}: minSamples must be a positive integer, got ${describe(minSamples)}`);
  }
  if (typeof failOnHygiene !== 'boolean') {
    throw new InvalidArgumentError(`${API}: failOnHygiene must be a boolean, got ${describe(failOnHygiene)}`);
  }
  return Object.freeze(merged as unknown as Thresholds);
}
