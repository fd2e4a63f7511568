import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { assembleForest } from '../../harness/forest/assemble-forest.js';
import { runChecks } from '../../harness/checks/index.js';
import type { HopContinuityCheck, RootCoverageCheck } from '../../harness/report/index.js';
import type { SpanRecord } from '../../harness/model/span.js';
import type { HopFate, RequestPlan } from '../unit/checks-support.js';
import { recordOf, spansOf } from '../unit/checks-support.js';

const FATES: readonly HopFate[] = [
  'child',
  'link',
  'restarted-message-id',
  'restarted-timing',
  'orphaned',
  'missing',
  'unsampled',
  'no-hop',
];
const planArbitrary: fc.Arbitrary<RequestPlan> = fc.record({ entry: fc.boolean(), hop: fc.constantFrom(...FATES) });

/** Brute force: is `span` below `upstream` at any depth, following parent ids through the flat list? */
function below(span: SpanRecord, upstream: SpanRecord, spans: readonly SpanRecord[]): boolean {
  let parentId = span.parentSpanId;
  for (let steps = 0; parentId !== '' && steps < spans.length; steps++) {
    if (parentId === upstream.spanId && span.traceId === upstream.traceId) return true;
    const parent = spans.find((other) => other.traceId === span.traceId && other.spanId === parentId);
    if (parent === undefined) return false;
    parentId = parent.parentSpanId;
  }
  return false;
}

/** Brute force: hops api→worker and how many continued, scanning every span for every producer. */
function referenceHops(spans: readonly SpanRecord[]): { n: number; continuous: number } {
  const producers = spans.filter((span) => span.resource.serviceName === 'api' && span.kind === 'producer');
  const workers = spans.filter((span) => span.resource.serviceName === 'worker');
  let continuous = 0;
  for (const producer of producers) {
    const continued = workers.some(
      (worker) =>
        (worker.traceFlags & 1) === 1 &&
        (below(worker, producer, spans) ||
          worker.links.some((link) => link.traceId === producer.traceId && link.spanId === producer.spanId)),
    );
    if (continued) continuous++;
  }
  return { n: producers.length, continuous };
}

describe('checks, against brute-force references on generated forests', () => {
  it('root coverage and hop continuity count what a full scan counts, in any arrival order', () => {
    fc.assert(
      fc.property(fc.array(planArbitrary, { minLength: 1, maxLength: 40 }), fc.integer(), (plans, seed) => {
        const spans = plans.flatMap((plan, i) => spansOf(i, plan));
        // Arrival order must not matter: shuffle deterministically by the seed.
        const shuffled = spans
          .map((span, k) => ({ span, key: Math.imul(k + 1, seed | 1) >>> 0 }))
          .sort((a, b) => a.key - b.key)
          .map(({ span }) => span);
        const records = plans.map((plan, i) => recordOf(i, plan));
        const { checks } = runChecks(
          { records, forest: assembleForest(shuffled) },
          { edges: ['api>worker'], only: ['root-coverage', 'hop-continuity'] },
        );
        const coverage = checks[0] as RootCoverageCheck;
        const hops = checks[1] as HopContinuityCheck;
        expect(coverage.n).toBe(plans.length);
        expect(coverage.covered).toBe(plans.filter((plan) => plan.entry !== false).length);
        const reference = referenceHops(spans);
        const edge = hops.edges[0]!;
        expect([edge.n, edge.continuous]).toEqual([reference.n, reference.continuous]);
        const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);
        expect(sum(edge.breaks)).toBe(edge.n - edge.continuous);
        expect(sum(edge.attribution)).toBe(edge.n - edge.continuous);
        // The generation model says which class each broken hop is.
        const count = (fate: HopFate) => plans.filter((plan) => plan.hop === fate).length;
        expect(edge.breaks).toEqual({
          restarted: count('restarted-message-id') + count('restarted-timing'),
          orphaned: count('orphaned'),
          missing: count('missing'),
          late: 0,
          unsampled: count('unsampled'),
        });
        expect(edge.attribution.messageId).toBe(count('restarted-message-id'));
      }),
      { seed: 20250301, numRuns: 150 },
    );
  });
});
