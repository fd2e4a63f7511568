import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from '../../harness/errors.js';
import { combineStatuses } from '../../harness/verdict/check-status.js';
import { judgeAllOrNothing } from '../../harness/verdict/judge-all-or-nothing.js';
import { judgeRate } from '../../harness/verdict/judge-rate.js';
import { rateRule } from '../../harness/verdict/rate-rule.js';
import { DEFAULT_THRESHOLDS, resolveThresholds } from '../../harness/verdict/thresholds.js';

const coverage = rateRule(DEFAULT_THRESHOLDS, 'root-coverage');
const lowerBound = rateRule(resolveThresholds({ gateOn: 'lower-bound' }), 'root-coverage');

describe('resolveThresholds', () => {
  it('defaults to the gate of DESIGN.md', () => {
    expect(resolveThresholds()).toEqual({
      minRootCoverage: 0.95,
      minHopContinuity: 0.99,
      minLogCorrelation: 0.99,
      gateOn: 'estimate',
      confidence: 0.95,
      minSamples: 30,
      failOnHygiene: false,
    });
  });

  it('takes what is given and keeps the defaults for undefined', () => {
    const thresholds = resolveThresholds({ minHopContinuity: 0.9, minSamples: undefined, gateOn: 'lower-bound' });
    expect(thresholds).toMatchObject({ minHopContinuity: 0.9, minSamples: 30, gateOn: 'lower-bound' });
    expect(Object.isFrozen(thresholds)).toBe(true);
  });

  it.each([
    [{ minRootCoverage: 1.2 }, 'minRootCoverage must be a number from 0 to 1, got 1.2'],
    [{ minLogCorrelation: '0.9' }, 'minLogCorrelation must be a number from 0 to 1, got "0.9"'],
    [{ gateOn: 'upper' }, 'gateOn must be "estimate" or "lower-bound", got "upper"'],
    [{ confidence: 1 }, 'confidence must be a number strictly between 0 and 1, got 1'],
    [{ minSamples: 0 }, 'minSamples must be a positive integer, got 0'],
    [{ minSamples: 2.5 }, 'minSamples must be a positive integer, got 2.5'],
    [{ failOnHygiene: 'yes' }, 'failOnHygiene must be a boolean, got "yes"'],
    [{ minCoverage: 0.9 }, 'unknown option "minCoverage"; the options are minRootCoverage,'],
  ])('refuses %p', (options, message) => {
    const resolve = () => resolveThresholds(options as never);
    expect(resolve).toThrow(InvalidArgumentError);
    expect(resolve).toThrow(`tracegate.resolveThresholds(): ${message}`);
  });
});

describe('rateRule', () => {
  it("picks each rate check's threshold and the shared gate settings", () => {
    const thresholds = resolveThresholds({ minSamples: 50, confidence: 0.9 });
    expect(rateRule(thresholds, 'hop-continuity')).toEqual({
      threshold: 0.99,
      gateOn: 'estimate',
      confidence: 0.9,
      minSamples: 50,
    });
    expect(rateRule(thresholds, 'log-correlation').threshold).toBe(0.99);
    expect(rateRule(thresholds, 'root-coverage').threshold).toBe(0.95);
  });
});

describe('judgeRate', () => {
  it('passes 3% missing and fails 8% missing at 0.95 with n = 1000', () => {
    expect(judgeRate(970, 1000, coverage)).toMatchObject({ status: 'pass', value: 0.97, compared: 0.97 });
    expect(judgeRate(920, 1000, coverage)).toMatchObject({ status: 'fail', value: 0.92, compared: 0.92 });
  });

  it('passes exactly at the threshold: the gate is "at least"', () => {
    expect(judgeRate(950, 1000, coverage).status).toBe('pass');
    expect(judgeRate(949, 1000, coverage).status).toBe('fail');
  });

  it('lower-bound gating flips a borderline pass: 955 of 1000 clears 0.95, its lower bound 0.9403 does not', () => {
    expect(judgeRate(955, 1000, coverage).status).toBe('pass');
    const strict = judgeRate(955, 1000, lowerBound);
    expect(strict.status).toBe('fail');
    expect(strict.compared).toBeCloseTo(0.94032, 5);
    // 3% missing is well clear: its lower bound 0.9575 still reaches 0.95
    expect(judgeRate(970, 1000, lowerBound)).toMatchObject({ status: 'pass', compared: expect.closeTo(0.9575, 4) });
  });

  it('is inconclusive below the minimum sample, whatever the rate', () => {
    expect(judgeRate(29, 29, coverage).status).toBe('inconclusive');
    expect(judgeRate(0, 29, coverage).status).toBe('inconclusive');
    expect(judgeRate(30, 30, coverage).status).toBe('pass');
    expect(judgeRate(0, 30, coverage).status).toBe('fail');
    expect(judgeRate(3, 3, { ...coverage, minSamples: 3 }).status).toBe('pass');
  });

  it('reports no value and the whole interval for no samples', () => {
    expect(judgeRate(0, 0, { ...coverage, minSamples: 1 })).toEqual({
      status: 'inconclusive',
      n: 0,
      successes: 0,
      value: null,
      threshold: 0.95,
      interval: { low: 0, high: 1 },
      compared: null,
    });
  });

  it('a threshold of 0 passes anything measured; 1 needs every success', () => {
    expect(judgeRate(0, 100, { ...coverage, threshold: 0 }).status).toBe('pass');
    expect(judgeRate(99, 100, { ...coverage, threshold: 1 }).status).toBe('fail');
    expect(judgeRate(100, 100, { ...coverage, threshold: 1 }).status).toBe('pass');
  });

  it.each([
    [{ threshold: 2 }, /threshold must be a number from 0 to 1, got 2/],
    [{ minSamples: 0 }, /minSamples must be a positive integer, got 0/],
    [{ confidence: 1.5 }, /confidence must be a number strictly between 0 and 1, got 1.5/],
  ])('refuses a rule with %p', (override, message) => {
    expect(() => judgeRate(1, 2, { ...coverage, ...override })).toThrow(message);
    expect(() => judgeRate(1, 2, { ...coverage, ...override })).toThrow(/^tracegate\.judgeRate\(\): /);
  });
});

describe('judgeAllOrNothing', () => {
  it('fails on one miss, passes when complete, skips when there was nothing to judge; no minimum sample', () => {
    expect(judgeAllOrNothing(11, 12)).toMatchObject({ status: 'fail', value: 11 / 12, threshold: 1 });
    expect(judgeAllOrNothing(2, 2)).toMatchObject({ status: 'pass', value: 1, interval: { high: 1 } });
    expect(judgeAllOrNothing(0, 0)).toMatchObject({ status: 'skip', value: null, interval: { low: 0, high: 1 } });
  });
});

describe('combineStatuses', () => {
  it('ranks fail over inconclusive over pass over skip', () => {
    expect(combineStatuses(['pass', 'inconclusive', 'fail', 'skip'])).toBe('fail');
    expect(combineStatuses(['pass', 'inconclusive', 'skip'])).toBe('inconclusive');
    expect(combineStatuses(['skip', 'pass'])).toBe('pass');
    expect(combineStatuses(['skip'])).toBe('skip');
    expect(combineStatuses([])).toBe('skip');
  });
});
