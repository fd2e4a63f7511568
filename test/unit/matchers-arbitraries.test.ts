import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { InvalidArgumentError } from '../../harness/errors.js';
import {
  BASE_TIME_UNIX_NANO,
  spanForestArbitrary,
  spanShapeArbitrary,
  spanTreeArbitrary,
  traceTreeArbitrary,
} from '../../harness/arbitraries/index.js';
import type { SpanShape } from '../../harness/arbitraries/index.js';

const SEED = 20_241_105;

function maxChildren(shape: SpanShape): number {
  return Math.max(shape.children.length, ...shape.children.map(maxChildren));
}

describe('tracegate/arbitraries', () => {
  it('traceTreeArbitrary gives one trace with a single root, no orphans and every span placed', () => {
    fc.assert(
      fc.property(traceTreeArbitrary(), (tree) => {
        expect(tree.roots).toHaveLength(1);
        expect(tree.orphans).toHaveLength(0);
        expect(tree.cycles).toHaveLength(0);
        expect([...tree.walk()]).toHaveLength(tree.spanCount);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('spanTreeArbitrary links only within its trace or to spans never collected, and only when asked', () => {
    fc.assert(
      fc.property(spanTreeArbitrary(), spanTreeArbitrary({ links: true }), (plain, linked) => {
        expect(plain.every((span) => span.links.length === 0)).toBe(true);
        const traceId = linked[0]!.traceId;
        for (const span of linked) {
          expect(span.traceId).toBe(traceId);
          for (const link of span.links) {
            const inTrace = linked.some((other) => other.spanId === link.spanId);
            expect(link.traceId === traceId ? inTrace : !inTrace).toBe(true);
          }
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('draws services and names from the lists given, and keeps within maxChildren', () => {
    const options = { services: ['checkout', 'billing'], names: ['a', 'b'], maxChildren: 2 };
    fc.assert(
      fc.property(spanForestArbitrary(options), spanShapeArbitrary(1), (spans, shape) => {
        for (const span of spans) {
          expect(options.services).toContain(span.resource.serviceName);
          expect(options.names).toContain(span.name);
        }
        expect(maxChildren(shape)).toBeLessThanOrEqual(1);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('is deterministic for a seed, and stays as recorded', () => {
    const sample = () => fc.sample(spanTreeArbitrary({ maxChildren: 2 }), { seed: SEED, numRuns: 2 });
    expect(sample()).toEqual(sample());
    const compact = sample().map((spans) =>
      spans.map(
        (span) =>
          `${span.spanId} <${span.parentSpanId || 'root'}> ${span.kind} "${span.name}" [${span.resource.serviceName}] ` +
          `+${span.startTimeUnixNano - BASE_TIME_UNIX_NANO}`,
      ),
    );
    expect(compact).toMatchSnapshot();
  });

  it('refuses options it cannot use, naming the API', () => {
    expect(() => spanShapeArbitrary({ maxChildren: -1 })).toThrow(InvalidArgumentError);
    expect(() => spanShapeArbitrary({ services: [] })).toThrow(
      'tracegate.spanShapeArbitrary(): services must be a non-empty array of strings',
    );
    expect(() => spanForestArbitrary({ maxTraces: 0 })).toThrow(
      'tracegate.spanForestArbitrary(): maxTraces must be a positive integer, got 0',
    );
  });
});
