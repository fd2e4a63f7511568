import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from '../../harness/errors.js';
import { normalQuantile } from '../../harness/verdict/normal-quantile.js';
import { wilsonInterval } from '../../harness/verdict/wilson-interval.js';

// Acklam's approximation is good to a relative 1.15e-9; these references are exact to the digits shown.
const CLOSE = 8;

describe('normalQuantile', () => {
  it.each([
    [0.5, 0],
    [0.9, 1.2815515655446004],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.9995, 3.2905267314919255],
    [0.01, -2.3263478740408408],
    [1e-10, -6.361340902404056],
  ])('gives the standard normal quantile of %p', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, CLOSE);
  });

  it('is antisymmetric around 0.5 (where 1 - p is exact enough), in the tails and across the region boundary at 0.02425', () => {
    for (const p of [1e-6, 0.001, 0.02, 0.02425, 0.03, 0.2, 0.4999]) {
      expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), CLOSE);
    }
  });

  it.each([0, 1, -0.1, 1.5, Number.NaN])('refuses p = %p, naming the API', (p) => {
    expect(() => normalQuantile(p)).toThrow(InvalidArgumentError);
    expect(() => normalQuantile(p)).toThrow(/^tracegate\.normalQuantile\(\): p must be a number strictly between 0/);
  });
});

describe('wilsonInterval', () => {
  // By hand, with z = 1.959964 (95%), z² = 3.841459:
  //   centre = (p̂ + z²/2n) / (1 + z²/n),  half-width = z·sqrt(p̂(1-p̂)/n + z²/4n²) / (1 + z²/n)
  it('matches hand-computed references', () => {
    // 5 of 10: centre 0.5; half = 1.959964·sqrt(0.025 + 0.009604)/1.384146 = 0.263407
    const half = wilsonInterval(5, 10);
    expect(half.low).toBeCloseTo(0.236593, 6);
    expect(half.high).toBeCloseTo(0.763407, 6);
    // 970 of 1000: centre 0.971921/1.003841 = 0.968202; half 1.959964·sqrt(0.0000291 + 0.00000096)/1.003841 = 0.010705
    const coverage = wilsonInterval(970, 1000);
    expect(coverage.low).toBeCloseTo(0.957497, 6);
    expect(coverage.high).toBeCloseTo(0.978906, 6);
    // 81 of 263: the worked example of Newcombe (1998), method 3: 0.2553 to 0.3662
    const newcombe = wilsonInterval(81, 263);
    expect(newcombe.low).toBeCloseTo(0.2553, 4);
    expect(newcombe.high).toBeCloseTo(0.3662, 4);
  });

  it('uses the z of any confidence, not a table: 50 of 100 at 99% (z = 2.575829)', () => {
    // z²/n = 0.066349; half = 2.575829·sqrt(0.0025 + 0.000166)/1.066349 = 0.124720
    const interval = wilsonInterval(50, 100, 0.99);
    expect(interval.low).toBeCloseTo(0.37528, 5);
    expect(interval.high).toBeCloseTo(0.62472, 5);
    const at80 = wilsonInterval(50, 100, 0.8);
    expect(at80.high - at80.low).toBeLessThan(interval.high - interval.low);
  });

  it('is exact at the edges: 0 successes starts at 0, n successes ends at 1', () => {
    // 0 of 10: high = (z²/n) / (1 + z²/n) = 0.384146 / 1.384146 = 0.277533
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.277533, 6) });
    expect(wilsonInterval(10, 10)).toEqual({ low: expect.closeTo(0.722467, 6), high: 1 });
    // 1 of 1: low = 1 / (1 + z²) = 1 / 4.841459 = 0.206549
    expect(wilsonInterval(1, 1)).toEqual({ low: expect.closeTo(0.206549, 6), high: 1 });
    expect(wilsonInterval(0, 1_000_000).low).toBe(0);
    expect(wilsonInterval(1_000_000, 1_000_000).high).toBe(1);
  });

  it('knows nothing from no samples: n = 0 gives [0, 1]', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it.each([
    [-1, 10, 0.95, /successes must be an integer from 0 to n \(10\), got -1/],
    [11, 10, 0.95, /successes must be an integer from 0 to n \(10\), got 11/],
    [1.5, 10, 0.95, /successes must be an integer/],
    [0, -1, 0.95, /n must be a non-negative integer, got -1/],
    [0, 2.5, 0.95, /n must be a non-negative integer, got 2.5/],
    [1, 10, 1, /confidence must be a number strictly between 0 and 1, got 1/],
    [1, 10, 0, /confidence must be a number strictly between 0 and 1, got 0/],
  ])('refuses %p of %p at %p', (successes, n, confidence, message) => {
    expect(() => wilsonInterval(successes, n, confidence)).toThrow(InvalidArgumentError);
    expect(() => wilsonInterval(successes, n, confidence)).toThrow(message);
  });
});
