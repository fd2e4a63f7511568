import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { normalQuantile } from '../../harness/verdict/normal-quantile.js';
import { wilsonInterval } from '../../harness/verdict/wilson-interval.js';

/** Counts with n up to a million and successes anywhere in [0, n]. */
const countsArbitrary = fc
  .integer({ min: 1, max: 1_000_000 })
  .chain((n) => fc.record({ n: fc.constant(n), successes: fc.integer({ min: 0, max: n }) }));
const confidenceArbitrary = fc.double({ min: 0.5, max: 0.999, noNaN: true });

const width = ({ low, high }: { low: number; high: number }): number => high - low;

/** mulberry32: a small seeded generator, so every Bernoulli draw below can be replayed from its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Successes in n Bernoulli(p) draws. */
function draw(p: number, n: number, seed: number): number {
  const random = seededRandom(seed);
  let successes = 0;
  for (let i = 0; i < n; i++) if (random() < p) successes++;
  return successes;
}

interface Interval {
  readonly low: number;
  readonly high: number;
}
type IntervalOf = (successes: number, n: number, confidence: number) => Interval;

/** The textbook normal-approximation (Wald) interval: known to undercover, so the band below must reject it. */
const waldInterval: IntervalOf = (successes, n, confidence) => {
  const rate = successes / n;
  const half = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt((rate * (1 - rate)) / n);
  return { low: rate - half, high: rate + half };
};

interface Population {
  readonly minRate: number;
  readonly maxRate: number;
  readonly maxN: number;
}
/** Shares from 1% to 99%, thirty to a thousand samples. */
const ANY_RATE: Population = { minRate: 0.01, maxRate: 0.99, maxN: 1000 };
/** The rates a gate judges: 80% to 99.9%. */
const HIGH_RATE: Population = { minRate: 0.8, maxRate: 0.999, maxN: 500 };
const SEED = 20250301;
const SAMPLES = 2000;

/** Share of SAMPLES generated samples whose interval at `confidence` contains the rate they were drawn from. */
function coverage(intervalOf: IntervalOf, confidence: number, population: Population): number {
  const sampleArbitrary = fc.record({
    p: fc.double({ min: population.minRate, max: population.maxRate, noNaN: true }),
    n: fc.integer({ min: 30, max: population.maxN }),
    drawSeed: fc.integer({ min: 0, max: 0xffff_ffff }),
  });
  let contained = 0;
  for (const { p, n, drawSeed } of fc.sample(sampleArbitrary, { seed: SEED, numRuns: SAMPLES })) {
    const { low, high } = intervalOf(draw(p, n, drawSeed), n, confidence);
    if (low <= p && p <= high) contained++;
  }
  return contained / SAMPLES;
}

describe('wilsonInterval properties', () => {
  it('lies within [0, 1] and contains the point estimate', () => {
    fc.assert(
      fc.property(countsArbitrary, confidenceArbitrary, ({ successes, n }, confidence) => {
        const { low, high } = wilsonInterval(successes, n, confidence);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(successes / n);
        expect(high).toBeGreaterThanOrEqual(successes / n);
      }),
    );
  });

  it('narrows as n grows at the same observed rate', () => {
    fc.assert(
      fc.property(countsArbitrary, fc.integer({ min: 2, max: 50 }), ({ successes, n }, factor) => {
        expect(width(wilsonInterval(successes * factor, n * factor))).toBeLessThan(width(wilsonInterval(successes, n)));
      }),
    );
  });

  it('widens, nested, as the confidence rises', () => {
    fc.assert(
      fc.property(countsArbitrary, confidenceArbitrary, confidenceArbitrary, ({ successes, n }, a, b) => {
        fc.pre(a < b);
        const narrow = wilsonInterval(successes, n, a);
        const wide = wilsonInterval(successes, n, b);
        // Confidences a few ulps apart (0.5 and 0.5000000000000017) give bounds equal up to rounding.
        const rounding = 1e-12;
        expect(wide.low).toBeLessThanOrEqual(narrow.low + rounding);
        expect(wide.high).toBeGreaterThanOrEqual(narrow.high - rounding);
      }),
    );
  });

  it('mirrors failures and successes: the interval of n - s is 1 minus the interval of s', () => {
    fc.assert(
      fc.property(countsArbitrary, ({ successes, n }) => {
        const interval = wilsonInterval(successes, n);
        const mirrored = wilsonInterval(n - successes, n);
        expect(mirrored.low).toBeCloseTo(1 - interval.high, 9);
        expect(mirrored.high).toBeCloseTo(1 - interval.low, 9);
      }),
    );
  });

  // 2,000 samples: the standard error of the coverage is about 0.005 at 95%, so a correct interval lands in the
  // band with room to spare, while the Wald interval on the same samples falls below it (last test).
  it.each([
    [0.95, ANY_RATE, 0.93, 0.97],
    [0.9, ANY_RATE, 0.875, 0.925],
    [0.99, ANY_RATE, 0.98, 1],
    [0.95, HIGH_RATE, 0.93, 0.97],
  ])('contains the true rate at about the stated confidence %p over 2,000 seeded samples of %p', (...args) => {
    const [confidence, population, min, max] = args;
    const share = coverage(wilsonInterval, confidence, population);
    // The seed is in the message, so a result outside the band can be replayed exactly.
    expect({ seed: SEED, confidence, coverage: share, inBand: share >= min && share <= max }).toEqual({
      seed: SEED,
      confidence,
      coverage: share,
      inBand: true,
    });
  });

  it('has a band that tells a bad interval apart: Wald covers well under 93% of the same samples at 95%', () => {
    expect(coverage(waldInterval, 0.95, ANY_RATE)).toBeLessThan(0.93);
    expect(coverage(waldInterval, 0.95, HIGH_RATE)).toBeLessThan(0.93);
  });
});

describe('normalQuantile properties', () => {
  it('never decreases as p rises, and mirrors around 0.5', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-9, max: 0.5, noNaN: true }),
        (a, b) => {
          fc.pre(a < b);
          expect(normalQuantile(a)).toBeLessThanOrEqual(normalQuantile(b));
          expect(normalQuantile(a)).toBeCloseTo(-normalQuantile(1 - a), 6);
        },
      ),
    );
  });
});
