import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { SpanRecord } from '../../harness/model/span.js';
import { SPAN_KINDS } from '../../harness/model/span.js';
import { assembleForest } from '../../harness/forest/assemble-forest.js';
import { ForestAssembler } from '../../harness/forest/forest-assembler.js';
import type { SpanNode } from '../../harness/forest/span-node.js';
import type { TraceTree } from '../../harness/forest/trace-tree.js';
import { BASE_TIME_UNIX_NANO, spanForestArbitrary } from '../support/arbitraries.js';

const NUM_RUNS = 300;

const key = (span: SpanRecord): string => `${span.traceId}/${span.spanId}/${span.kind}`;

/** Every node of every tree, depth first. */
function allNodes(trees: ReadonlyMap<string, TraceTree>): SpanNode[] {
  return [...trees.values()].flatMap((tree) => [...tree.walk()]);
}

/** A plain picture of the forest (structure, order, link targets) for comparisons with readable diffs. */
function picture(trees: ReadonlyMap<string, TraceTree>): unknown {
  const draw = (node: SpanNode): unknown => ({
    span: key(node.span),
    depth: node.depth,
    links: node.links.map((resolved) => (resolved.target === undefined ? null : key(resolved.target))),
    children: node.children.map(draw),
  });
  return [...trees].map(([traceId, tree]) => ({
    traceId,
    spanCount: tree.spanCount,
    roots: tree.roots.map(draw),
    orphans: tree.orphans.map(draw),
    cycles: tree.cycles.map(draw),
  }));
}

/** Splits `spans` into consecutive batches at the given cut points. */
function split<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((cut) => cut % (items.length + 1)))].sort((a, b) => a - b);
  const batches: T[][] = [];
  let from = 0;
  for (const point of [...points, items.length]) {
    batches.push(items.slice(from, point));
    from = point;
  }
  return batches;
}

/** Spans in a shuffled order, cut into batches, with some spans sent twice. */
const deliveryArbitrary = (spans: SpanRecord[]) =>
  fc.record({
    order: fc.shuffledSubarray(spans, { minLength: spans.length, maxLength: spans.length }),
    cuts: fc.array(fc.nat(), { maxLength: 6 }),
    resent: fc.array(fc.nat(), { maxLength: 3 }),
  });

function assembleIncrementally(order: readonly SpanRecord[], cuts: readonly number[], resent: readonly number[]) {
  const stream = [...order, ...resent.map((i) => order[i % order.length]!)];
  const forest = new ForestAssembler();
  for (const batch of split(stream, cuts)) {
    forest.add(batch);
    forest.trees(); // reading between batches must not change the final result
  }
  return forest.trees();
}

describe('span forest arbitrary', () => {
  it('generates the same spans for the same seed, and they stay as recorded', () => {
    const sample = (): SpanRecord[][] => fc.sample(spanForestArbitrary(), { seed: 20_240_601, numRuns: 3 });
    expect(sample()).toEqual(sample());
    const compact = sample().map((spans) =>
      spans.map(
        (span) =>
          `${span.traceId.slice(0, 8)} ${span.spanId} <${span.parentSpanId || 'root'}> ${span.kind} "${span.name}" ` +
          `+${span.startTimeUnixNano - BASE_TIME_UNIX_NANO} links:${span.links.map((link) => link.spanId).join(',')}`,
      ),
    );
    expect(compact).toMatchSnapshot();
  });
});

describe('trace assembly (properties)', () => {
  it('(a) yields the same forest for every arrival order and every split into batches', () => {
    const scenario = spanForestArbitrary().chain((spans) => fc.tuple(fc.constant(spans), deliveryArbitrary(spans)));
    fc.assert(
      fc.property(scenario, ([spans, { order, cuts, resent }]) => {
        const reference = assembleForest(spans);
        const incremental = assembleIncrementally(order, cuts, resent);
        expect(picture(incremental)).toEqual(picture(reference));
        expect(incremental).toEqual(reference);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(b) makes orphans of exactly the spans whose parent is absent', () => {
    const scenario = spanForestArbitrary().chain((spans) => fc.tuple(fc.constant(spans), fc.subarray(spans)));
    fc.assert(
      fc.property(scenario, ([, kept]) => {
        const present = new Set(kept.map((span) => `${span.traceId}/${span.spanId}`));
        const expected = kept
          .filter((span) => span.parentSpanId !== '' && !present.has(`${span.traceId}/${span.parentSpanId}`))
          .map(key);
        const trees = assembleForest(kept);
        const orphans = [...trees.values()].flatMap((tree) => tree.orphans.map((node) => key(node.span)));
        expect(orphans.sort()).toEqual(expected.sort());
        for (const tree of trees.values()) expect(tree.hasOrphans).toBe(tree.orphans.length > 0);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(c) places every span exactly once, under the parent it names', () => {
    const scenario = spanForestArbitrary().chain((spans) => fc.subarray(spans));
    fc.assert(
      fc.property(scenario, (spans) => {
        const trees = assembleForest(spans);
        const nodes = allNodes(trees);
        expect(nodes.map((node) => key(node.span)).sort()).toEqual(spans.map(key).sort());
        expect([...trees.values()].reduce((sum, tree) => sum + tree.spanCount, 0)).toBe(spans.length);
        for (const node of nodes) {
          for (const child of node.children) {
            expect(child.parent).toBe(node);
            expect(child.span.parentSpanId).toBe(node.span.spanId);
            expect(child.depth).toBe(node.depth + 1);
          }
        }
        for (const tree of trees.values()) {
          for (const root of tree.roots) expect(root.span.parentSpanId).toBe('');
          for (const top of tree.tops) expect(top).toMatchObject({ parent: undefined, depth: 0 });
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(d) resolves a link exactly when its target span is present, to the first kind in SPAN_KINDS', () => {
    const scenario = spanForestArbitrary().chain((spans) => fc.subarray(spans));
    fc.assert(
      fc.property(scenario, (spans) => {
        const expectedTarget = (traceId: string, spanId: string): SpanRecord | undefined =>
          spans
            .filter((span) => span.traceId === traceId && span.spanId === spanId)
            .sort((a, b) => SPAN_KINDS.indexOf(a.kind) - SPAN_KINDS.indexOf(b.kind))[0];
        for (const node of allNodes(assembleForest(spans))) {
          expect(node.links.map((resolved) => resolved.link)).toEqual(node.span.links);
          for (const { link, target } of node.links) expect(target).toBe(expectedTarget(link.traceId, link.spanId));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('stays order-independent and complete when parent ids are rewired into loops', () => {
    const rewired = spanForestArbitrary({ links: false }).chain((spans) =>
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }).map((rewires) => {
        const result = [...spans];
        for (const [from, to] of rewires) {
          const child = result[from % result.length]!;
          const sameTrace = result.filter((span) => span.traceId === child.traceId);
          result[from % result.length] = { ...child, parentSpanId: sameTrace[to % sameTrace.length]!.spanId };
        }
        return result;
      }),
    );
    const scenario = rewired.chain((spans) => fc.tuple(fc.constant(spans), deliveryArbitrary(spans)));
    fc.assert(
      fc.property(scenario, ([spans, { order, cuts, resent }]) => {
        const reference = assembleForest(spans);
        expect(picture(assembleIncrementally(order, cuts, resent))).toEqual(picture(reference));
        expect(
          allNodes(reference)
            .map((node) => key(node.span))
            .sort(),
        ).toEqual(spans.map(key).sort());
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
