import { describe, expect, it } from '@jest/globals';
import { Store } from '../../harness/collect/store.js';
import { ManualClock } from '../../harness/clock.js';
import { TimeoutError } from '../../harness/errors.js';
import { waitForTrace } from '../../harness/forest/completion/wait-for-trace.js';
import { assembleTrace } from '../../harness/forest/assemble-trace.js';
import type { MatchResult } from '../../harness/dsl/index.js';
import { findSpans, matchTrace, span } from '../../harness/dsl/index.js';
import type { SpanSpec } from '../support/dsl-traces.js';
import { spansOf, traceIdOf, traceOf } from '../support/dsl-traces.js';

const TRACE = traceIdOf(1);

const divergenceOf = (result: MatchResult) => {
  if (result.kind !== 'mismatch') throw new Error(`expected a mismatch, got ${result.kind}`);
  return result.divergence;
};

const bound = (result: MatchResult) => {
  if (result.kind !== 'match') throw new Error(`expected a match, got ${result.kind}`);
  return result.bindings.map((binding) => [binding.path.join('.'), binding.spans.map((node) => node.span.name)]);
};

/** GET /orders → auth middleware → handler → three queries, plus a cache lookup started first. */
const orders: SpanSpec = {
  kind: 'server',
  name: 'GET /orders',
  children: [
    { kind: 'client', name: 'cache get', startMs: 1 },
    {
      kind: 'internal',
      name: 'auth middleware',
      startMs: 2,
      children: [
        {
          kind: 'internal',
          name: 'handler',
          startMs: 3,
          children: [
            { kind: 'client', name: 'SELECT orders', startMs: 4 },
            { kind: 'client', name: 'SELECT items', startMs: 5 },
            { kind: 'client', name: 'SELECT items', startMs: 6 },
          ],
        },
      ],
    },
  ],
};
const tree = traceOf(TRACE, [orders]);

describe('children and descendants', () => {
  it('finds descendants at any depth, past middleware spans', () => {
    expect(matchTrace(tree, span.server('GET /orders').descendant(span.client('SELECT orders'))).kind).toBe('match');
  });

  it('accepts only direct children for .child()', () => {
    expect(matchTrace(tree, span.server('GET /orders').child(span.client('SELECT orders'))).kind).toBe('mismatch');
    expect(matchTrace(tree, span.server('GET /orders').child(span.client('cache get'))).kind).toBe('match');
  });

  it('lets the top of the pattern match any span, not only a root', () => {
    const result = matchTrace(tree, span.internal('handler').child(span.client('SELECT orders')));
    expect(bound(result)).toEqual([
      ['', ['handler']],
      ['0', ['SELECT orders']],
    ]);
  });

  it('binds every pattern node to the spans it matched', () => {
    const pattern = span
      .server('GET /orders')
      .child(span.client())
      .descendant(span.internal('handler').child(span.client(/^SELECT/), { atLeast: 2 }));
    expect(bound(matchTrace(tree, pattern))).toEqual([
      ['', ['GET /orders']],
      ['0', ['cache get']],
      ['1', ['handler']],
      ['1.0', ['SELECT orders', 'SELECT items', 'SELECT items']],
    ]);
  });
});

describe('distinct spans for sibling requirements', () => {
  it('needs two spans for two equal requirements', () => {
    const handler = span.internal('handler');
    expect(matchTrace(tree, handler.child(span.client('SELECT items')).child(span.client('SELECT items'))).kind).toBe(
      'match',
    );
    const three = handler.child('client "SELECT items"').child('client "SELECT items"').child('client "SELECT items"');
    const divergence = divergenceOf(matchTrace(tree, three));
    expect(divergence.reason).toBe('count');
    expect(divergence.path).toEqual([2]);
    expect(divergence.found.map((node) => node.span.name)).toEqual(['SELECT items', 'SELECT items']);
  });

  it('backtracks when a greedy choice would starve a later requirement', () => {
    // "any SELECT" could take "SELECT orders", which the second requirement needs: the assignment must switch.
    const tooMany = span
      .internal('handler')
      .child(span.client(/^SELECT/), { atLeast: 3 })
      .child(span.client('SELECT orders'));
    expect(divergenceOf(matchTrace(tree, tooMany))).toMatchObject({ reason: 'count', path: [1] });
    const fits = span
      .internal('handler')
      .child(span.client(/^SELECT/), { atLeast: 2 })
      .child(span.client('SELECT orders'));
    expect(bound(matchTrace(tree, fits))).toEqual([
      ['', ['handler']],
      ['0', ['SELECT items', 'SELECT items']],
      ['1', ['SELECT orders']],
    ]);
  });
});

describe('counts', () => {
  const handler = span.internal('handler');
  const items = span.client('SELECT items');

  it('checks exact counts against every matching span under the parent', () => {
    expect(matchTrace(tree, handler.child(items, 2)).kind).toBe('match');
    const divergence = divergenceOf(matchTrace(tree, handler.child(items, 1)));
    expect(divergence).toMatchObject({ reason: 'count', count: { min: 1, max: 1 }, path: [0] });
    expect(divergence.parent?.span.name).toBe('handler');
  });

  it('checks ranges', () => {
    expect(matchTrace(tree, handler.child(items, { atLeast: 2 })).kind).toBe('match');
    expect(matchTrace(tree, handler.child(items, { atLeast: 3 })).kind).toBe('mismatch');
    expect(matchTrace(tree, handler.child(items, { atMost: 2 })).kind).toBe('match');
    expect(matchTrace(tree, handler.child(items, { atMost: 1 })).kind).toBe('mismatch');
    expect(matchTrace(tree, handler.child(span.producer(), { atMost: 1 })).kind).toBe('match');
  });

  it("treats 'none' and 0 as a negative requirement", () => {
    expect(matchTrace(tree, span.server().descendant(span.producer(), 'none')).kind).toBe('match');
    expect(matchTrace(tree, span.server().descendant(span.client('SELECT orders'), 0)).kind).toBe('mismatch');
    const divergence = divergenceOf(matchTrace(tree, span.server().descendant(span.client('SELECT orders'), 'none')));
    expect(divergence.reason).toBe('count');
    expect(divergence.found.map((node) => node.span.name)).toEqual(['SELECT orders']);
  });
});

describe('order', () => {
  const handler = span.internal('handler');

  it('ignores order unless asked', () => {
    expect(matchTrace(tree, handler.child(span.client('SELECT items')).child(span.client('SELECT orders'))).kind).toBe(
      'match',
    );
  });

  it('requires declared order by start time when ordered', () => {
    const inOrder = handler.child(span.client('SELECT orders')).child(span.client('SELECT items'), 2).ordered();
    expect(matchTrace(tree, inOrder).kind).toBe('match');
    const reversed = handler.child(span.client('SELECT items')).child(span.client('SELECT orders')).ordered();
    const divergence = divergenceOf(matchTrace(tree, reversed));
    expect(divergence).toMatchObject({ reason: 'order', path: [1] });
  });

  it('orders descendants too', () => {
    const pattern = span.server().descendant(span.client('cache get')).descendant(span.client('SELECT orders'));
    expect(matchTrace(tree, pattern.ordered()).kind).toBe('match');
    const backwards = span.server().descendant(span.client('SELECT orders')).descendant(span.client('cache get'));
    expect(divergenceOf(matchTrace(tree, backwards.ordered())).reason).toBe('order');
  });
});

describe('divergence', () => {
  it('names the deepest pattern node that could not be satisfied and the span it was sought under', () => {
    const pattern = span
      .server('GET /orders')
      .descendant(span.internal('handler').child(span.client('SELECT payments')));
    const divergence = divergenceOf(matchTrace(tree, pattern));
    expect(divergence).toMatchObject({ reason: 'not-found', path: [0, 0], relation: 'child' });
    expect(divergence.pattern.name).toBe('SELECT payments');
    expect(divergence.parent?.span.name).toBe('handler');
    expect(divergence.candidates[0]?.node.span.name).toBe('SELECT orders');
    expect(divergence.candidates[0]?.failures).toEqual([
      { constraint: '"SELECT payments"', actual: '"SELECT orders"' },
    ]);
  });

  it('reports a span that matches everything but the root requirement', () => {
    const divergence = divergenceOf(matchTrace(tree, span.internal('handler').root()));
    expect(divergence.reason).toBe('not-root');
    expect(divergence.found.map((node) => node.span.name)).toEqual(['handler']);
  });

  it('reports an empty trace at the top', () => {
    const empty = traceOf(TRACE, []);
    expect(divergenceOf(matchTrace(empty, span.any()))).toMatchObject({
      reason: 'not-found',
      path: [],
      parent: undefined,
    });
  });
});

describe('a pattern is a trace condition', () => {
  it('describes itself in selector form and tests trees', () => {
    const pattern = span.server('GET /orders').descendant(span.client('SELECT orders'));
    expect(pattern.description).toBe('server "GET /orders" >> client "SELECT orders"');
    expect(pattern.test(tree)).toBe(true);
    expect(span.producer().test(tree)).toBe(false);
  });

  it('lets waitForTrace wait until the pattern matches', async () => {
    const store = new Store();
    const clock = new ManualClock();
    const spans = spansOf(TRACE, [orders]);
    store.addSpans(spans.slice(0, 3));
    const waiting = waitForTrace(store, TRACE, {
      until: span.server().descendant(span.client('SELECT items'), 2),
      quietPeriodMs: 0,
      timeoutMs: 1000,
      clock,
    });
    store.addSpans(spans.slice(3));
    await expect(waiting).resolves.toMatchObject({ spanCount: spans.length });
  });

  it('names the pattern when the wait times out', async () => {
    const store = new Store();
    const clock = new ManualClock();
    store.addSpans(spansOf(TRACE, [orders]));
    const waiting = waitForTrace(store, TRACE, { until: span.producer(), quietPeriodMs: 0, timeoutMs: 50, clock });
    const rejected = expect(waiting).rejects.toThrow(TimeoutError);
    await clock.advance(50);
    await rejected;
    await expect(waiting).rejects.toThrow('to satisfy "producer"');
  });
});

describe('arrival order', () => {
  it('gives the same result whatever order the spans arrived in', () => {
    const spans = spansOf(TRACE, [orders]);
    const pattern = span.internal('handler').child(span.client('SELECT items')).child(span.client('SELECT nothing'));
    const forwards = matchTrace(assembleTrace(TRACE, spans), pattern);
    const backwards = matchTrace(assembleTrace(TRACE, [...spans].reverse()), pattern);
    expect(forwards.kind).toBe('mismatch');
    expect(backwards).toEqual(forwards);
  });
});

describe('findSpans', () => {
  it('lists every span where the whole pattern matches, in walk order', () => {
    const found = findSpans(tree, span.internal().descendant(span.client('SELECT items')));
    expect(found.map((node) => node.span.name)).toEqual(['auth middleware', 'handler']);
    expect(findSpans(tree, span.client('SELECT items'))).toHaveLength(2);
    expect(findSpans(tree, span.producer())).toEqual([]);
  });
});
