// The fault catalogue, the matrix and the README stay in step; the root-loss cases are decided by arithmetic.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { DEFAULT_THRESHOLDS } from '../../harness/verdict/thresholds.js';
import { FAULT_NAMES } from '../../scenarios/checkout/topology.js';
import { MATRIX } from './checkout-cases.js';
import { expectedRootCoverage } from './checkout-root-loss.js';

const README = new URL('../../scenarios/checkout/README.md', import.meta.url);

describe('the checkout fault catalogue', () => {
  it.each(FAULT_NAMES.map((fault) => [fault]))('%s has a matrix case that fails a check', (fault) => {
    const failing = MATRIX.filter(
      (each) => each.faults.length === 1 && each.faults[0] === fault && each.fails !== null,
    );
    expect(failing.map((each) => each.name)).not.toEqual([]);
  });

  // One row per fault: a fault run with several brokers fails the same check with each.
  const failedChecks = new Map(
    MATRIX.filter((each) => each.fails !== null).map((each) => [each.faults.join(','), each.fails!]),
  );
  it.each([...failedChecks])('README.md names the check %s fails: %s', (fault, checkId) => {
    // The README's lines about the fault (its table row or paragraph) must name that check.
    const lines = readFileSync(README, 'utf8')
      .split('\n')
      .filter((line) => line.includes(`\`${fault}\``));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((line) => line.includes(checkId))).toBe(true);
  });
});

describe('the root-loss cases', () => {
  const threshold = DEFAULT_THRESHOLDS.minRootCoverage;
  const rates = (share: number) =>
    Object.values(expectedRootCoverage(share)).map(({ n, covered }) => ({ n, rate: covered / n }));

  it(`ROOT_LOSS=0.03 leaves every route at or above ${threshold}, each with enough samples to be judged`, () => {
    for (const { n, rate } of rates(0.03)) {
      expect(n).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.minSamples);
      expect(rate).toBeGreaterThanOrEqual(threshold);
    }
  });

  it(`ROOT_LOSS=0.08 takes some route below ${threshold}`, () => {
    expect(Math.min(...rates(0.08).map(({ rate }) => rate))).toBeLessThan(threshold);
  });
});
