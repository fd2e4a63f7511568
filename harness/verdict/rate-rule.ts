import type { GateOn, Thresholds } from './thresholds.js';

/** The checks judged as a rate against a threshold. */
export type RateCheckId = 'root-coverage' | 'hop-continuity' | 'log-correlation';

/** Everything `judgeRate` needs to know about the gate for one check. */
export interface RateRule {
  readonly threshold: number;
  readonly gateOn: GateOn;
  readonly confidence: number;
  readonly minSamples: number;
}

const THRESHOLD_OF: Readonly<Record<RateCheckId, keyof Thresholds>> = {
  'root-coverage': 'minRootCoverage',
  'hop-continuity': 'minHopContinuity',
  'log-correlation': 'minLogCorrelation',
};

/** The rule a rate check is judged by under `thresholds`. */
export function rateRule(thresholds: Thresholds, checkId: RateCheckId): RateRule {
  return {
    threshold: thresholds[THRESHOLD_OF[checkId]] as number,
    gateOn: thresholds.gateOn,
    confidence: thresholds.confidence,
    minSamples: thresholds.minSamples,
  };
}
