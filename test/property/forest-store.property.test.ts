import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Store } from '../../harness/collect/store.js';
import { assembleForest } from '../../harness/forest/assemble-forest.js';
import { assembleStoreForest } from '../../harness/forest/assemble-store-forest.js';
import { assembleTrace } from '../../harness/forest/assemble-trace.js';
import { storeSpanLookup } from '../../harness/forest/span-lookup.js';
import type { SpanNode } from '../../harness/forest/span-node.js';
import { TraceAssembler } from '../../harness/forest/trace-assembler.js';
import type { TraceTree } from '../../harness/forest/trace-tree.js';
import { kindRank } from '../../harness/forest/span-order.js';
import type { SpanRecord } from '../../harness/model/span.js';
import { spanForestArbitrary } from '../support/arbitraries.js';

const NUM_RUNS = 300;

const key = (span: SpanRecord): string => `${span.traceId}/${span.spanId}/${span.kind}`;

function draw(node: SpanNode): unknown {
  return {
    span: key(node.span),
    depth: node.depth,
    parent: node.parent === undefined ? null : key(node.parent.span),
    links: node.links.map((resolved) => (resolved.target === undefined ? null : key(resolved.target))),
    children: node.children.map(draw),
  };
}

function picture(tree: TraceTree): unknown {
  return {
    traceId: tree.traceId,
    spanCount: tree.spanCount,
    roots: tree.roots.map(draw),
    orphans: tree.orphans.map(draw),
    cycles: tree.cycles.map(draw),
  };
}

/** Spans in any order, some re-parented onto another span of their trace (loops and self-parents included). */
const scenarioArbitrary = spanForestArbitrary().chain((spans) =>
  fc.tuple(fc.shuffledSubarray(spans, { minLength: 1 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 })),
);

function rewire(spans: readonly SpanRecord[], moves: readonly (readonly [number, number])[]): SpanRecord[] {
  const result = [...spans];
  for (const [from, to] of moves) {
    const child = result[from % result.length]!;
    const parent = result[to % result.length]!;
    if (child.traceId === parent.traceId) result[from % result.length] = { ...child, parentSpanId: parent.spanId };
  }
  return result;
}

describe('one-pass assembly', () => {
  it('assembleStoreForest equals assembleForest over store.spans() with the store lookup', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ([spans, moves]) => {
        const store = new Store();
        store.addSpans(rewire(spans, moves));
        const fast = assembleStoreForest(store);
        const general = assembleForest(store.spans(), storeSpanLookup(store));
        expect([...fast.keys()]).toEqual([...general.keys()]);
        expect([...fast.values()].map(picture)).toEqual([...general.values()].map(picture));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('assembleTrace equals TraceAssembler, with and without a lookup', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ([spans, moves]) => {
        const all = rewire(spans, moves);
        const traceId = all[0]!.traceId;
        const ofTrace = all.filter((span) => span.traceId === traceId);
        const assembler = new TraceAssembler(traceId);
        assembler.add(ofTrace);
        expect(picture(assembleTrace(traceId, ofTrace))).toEqual(picture(assembler.tree()));
        const lookup = (t: string, s: string) => all.find((span) => span.traceId === t && span.spanId === s);
        expect(picture(assembleTrace(traceId, ofTrace, lookup))).toEqual(picture(assembler.tree(lookup)));
        // By id: the small-tree search answers as the definition (first kind in SPAN_KINDS order) does.
        const tree = assembleTrace(traceId, ofTrace);
        const nodes = [...tree.walk()];
        for (const span of ofTrace) {
          const sharing = nodes.filter((node) => node.span.spanId === span.spanId);
          const first = sharing.reduce((a, b) => (kindRank(b.span.kind) < kindRank(a.span.kind) ? b : a));
          expect(tree.node(span.spanId)).toBe(first);
          expect(tree.node(span.spanId, span.kind)?.span).toBe(span);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
