import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { MatchResult, SpanPattern } from '../../harness/dsl/index.js';
import { explainMatch, formatPattern, matchTrace, parseSelector, span } from '../../harness/dsl/index.js';
import { assembleForest } from '../../harness/forest/assemble-forest.js';
import { assembleTrace } from '../../harness/forest/assemble-trace.js';
import type { SpanNode } from '../../harness/forest/span-node.js';
import { descendants } from '../../harness/forest/span-node.js';
import type { TraceTree } from '../../harness/forest/trace-tree.js';
import type { SpanKind, SpanRecord } from '../../harness/model/span.js';
import { spanForestArbitrary, spanTreeArbitrary } from '../support/arbitraries.js';
import { decoratedSpansArbitrary, spanPatternArbitrary } from '../support/dsl-arbitraries.js';

// 1,000 runs per property, as the DSL is held to; DSL_RUNS overrides it for a quick or a longer local run.
const NUM_RUNS = Number(process.env.DSL_RUNS ?? 1000);

const BUILDERS: Readonly<Record<SpanKind, typeof span.server>> = {
  unspecified: span.unspecified,
  internal: span.internal,
  server: span.server,
  client: span.client,
  producer: span.producer,
  consumer: span.consumer,
};

/** A span's own constraints as a pattern: exact kind, name and service. */
const ownPattern = (record: SpanRecord): SpanPattern =>
  BUILDERS[record.kind](record.name, { service: record.resource.serviceName });

/** The pattern of a subtree: each span's own constraints, each child as a direct child requirement. */
function derive(node: SpanNode): SpanPattern {
  return node.children.reduce((pattern, child) => pattern.child(derive(child)), ownPattern(node.span));
}

/** A picture of the shape of a trace that ignores ids and order: equal pictures mean isomorphic forests. */
function shapeOf(tree: TraceTree): string {
  const draw = (node: SpanNode): string =>
    `${node.span.kind}|${node.span.name}|${node.span.resource.serviceName}(${node.children.map(draw).sort().join(',')})`;
  return tree.tops.map(draw).sort().join(';');
}

const id = (node: SpanNode) => `${node.span.traceId}/${node.span.spanId}/${node.span.kind}`;

/** What a result says, by span identity, so results over differently built trees compare. */
function summary(result: MatchResult): unknown {
  if (result.kind === 'match') {
    return { bindings: result.bindings.map((binding) => [binding.path.join('.'), binding.spans.map(id)]) };
  }
  const { reason, path, relation, count, parent, found, candidates } = result.divergence;
  return {
    divergence: { reason, path, relation, count, parent: parent && id(parent), found: found.map(id) },
    candidates: candidates.map((c) => [id(c.node), c.location, c.satisfied, c.total, c.failures]),
  };
}

/** The own-constraint text of every pattern node from the top down to the divergence. */
function divergenceChain(pattern: SpanPattern, path: readonly number[]): string[] {
  const chain = [pattern];
  for (const r of path) chain.push(chain[chain.length - 1]!.requirements[r]!.pattern);
  return chain.map((node) => formatPattern(node).split(/ >/)[0]!);
}

describe('a pattern derived from a tree', () => {
  it('matches that tree', () => {
    fc.assert(
      fc.property(spanTreeArbitrary(), (spans) => {
        const tree = assembleTrace(spans[0]!.traceId, spans);
        const result = matchTrace(tree, derive(tree.roots[0]!).root());
        expect(result.kind).toBe('match');
        if (result.kind === 'match') expect(result.bindings[0]!.spans).toEqual([tree.roots[0]]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('fails once one span is removed, renamed or re-parented, and the explanation names it', () => {
    const mutationArbitrary = fc.record({
      spans: spanTreeArbitrary(),
      mutation: fc.constantFrom('remove', 'rename', 'reparent'),
      which: fc.nat(),
      to: fc.nat(),
    });
    fc.assert(
      fc.property(mutationArbitrary, ({ spans, mutation, which, to }) => {
        const traceId = spans[0]!.traceId;
        const original = assembleTrace(traceId, spans);
        const pattern = derive(original.roots[0]!);
        const nodes = [...original.walk()];
        const target = nodes[which % nodes.length]!;
        let mutated: SpanRecord[];
        if (mutation === 'remove') {
          mutated = spans.filter((record) => record !== target.span);
        } else if (mutation === 'rename') {
          mutated = spans.map((record) => (record === target.span ? { ...record, name: `${record.name} v2` } : record));
        } else {
          const below = new Set([target, ...descendants(target)]);
          const parents = nodes.filter((node) => !below.has(node) && node !== target.parent);
          fc.pre(target.parent !== undefined && parents.length > 0);
          const parent = parents[to % parents.length]!;
          mutated = spans.map((record) =>
            record === target.span ? { ...record, parentSpanId: parent.span.spanId } : record,
          );
        }
        const tree = assembleTrace(traceId, mutated);
        // A move between two identical parents leaves an identical trace, which rightly still matches.
        fc.pre(shapeOf(tree) !== shapeOf(original));

        const result = matchTrace(tree, pattern);
        expect(result.kind).toBe('mismatch');
        if (result.kind !== 'mismatch') return;
        const explanation = explainMatch(result, tree);
        const chain = divergenceChain(pattern, result.divergence.path);
        expect(chain).toContain(formatPattern(ownPattern(target.span)));
        expect(explanation.split('\n')[0]).toContain(chain[chain.length - 1]);
        if (mutation === 'rename' && tree.spanCount <= 40) {
          expect(explanation).toContain(JSON.stringify(`${target.span.name} v2`));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('the selector form of a pattern', () => {
  it('gives the same result, and the same explanation, as the builder form on any trace', () => {
    let matched = 0;
    let mismatched = 0;
    const forestArbitrary = spanForestArbitrary().chain(decoratedSpansArbitrary);
    fc.assert(
      fc.property(forestArbitrary, spanPatternArbitrary(), (spans, pattern) => {
        const text = formatPattern(pattern);
        const parsed = parseSelector(text);
        expect(formatPattern(parsed)).toBe(text);
        const forest = assembleForest(spans);
        const context = { elsewhere: () => forest.values() };
        for (const tree of forest.values()) {
          const built = matchTrace(tree, pattern, context);
          const fromText = matchTrace(tree, parsed, context);
          expect(summary(fromText)).toEqual(summary(built));
          expect(explainMatch(fromText, tree)).toBe(explainMatch(built, tree));
          if (built.kind === 'match') matched++;
          else mismatched++;
        }
      }),
      { numRuns: NUM_RUNS },
    );
    // Neither side may be vacuous: generated patterns must both match and miss.
    expect(matched).toBeGreaterThan(NUM_RUNS / 20);
    expect(mismatched).toBeGreaterThan(NUM_RUNS / 20);
  });
});

describe('matching', () => {
  it('does not depend on the order spans arrived in', () => {
    const arrivalArbitrary = spanForestArbitrary({ maxTraces: 1 })
      .chain(decoratedSpansArbitrary)
      .chain((spans) =>
        fc.record({
          spans: fc.constant(spans),
          arrived: fc.shuffledSubarray(spans, { minLength: spans.length, maxLength: spans.length }),
          pattern: spanPatternArbitrary(),
        }),
      );
    fc.assert(
      fc.property(arrivalArbitrary, ({ spans, arrived, pattern }) => {
        const traceId = spans[0]!.traceId;
        const inOrder = assembleTrace(traceId, spans);
        const shuffled = assembleTrace(traceId, arrived);
        for (const candidate of [pattern, derive(inOrder.tops[0]!)]) {
          const expected = matchTrace(inOrder, candidate);
          const actual = matchTrace(shuffled, candidate);
          expect(summary(actual)).toEqual(summary(expected));
          expect(explainMatch(actual, shuffled)).toBe(explainMatch(expected, inOrder));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
