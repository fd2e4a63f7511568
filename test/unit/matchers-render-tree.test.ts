import { describe, expect, it } from '@jest/globals';
import { renderTree } from '../../harness/matchers/_internals/render-tree.js';
import type { SpanNode } from '../../harness/forest/span-node.js';
import { spanRecord, treeOf } from '../fixtures/matchers-traces.js';

const id = (n: number): string => n.toString(16).padStart(16, '0');

describe('the tree in failure messages', () => {
  it('draws a large trace only around the marked spans, counting what it leaves out', () => {
    const spans = [spanRecord({ spanId: id(1), name: 'GET /batch', kind: 'server', service: 'api' })];
    for (let n = 2; n <= 60; n++) {
      spans.push(
        spanRecord({
          spanId: id(n),
          parentSpanId: id(1),
          name: `item ${n}`,
          kind: 'internal',
          service: 'api',
          startMs: n,
        }),
      );
    }
    spans.push(spanRecord({ spanId: id(99), parentSpanId: id(98), name: 'late', kind: 'consumer', service: 'worker' }));
    const tree = treeOf(spans);
    const marked = tree.node(id(30))!;
    const drawn = renderTree(tree, new Map<SpanNode, string>([[marked, 'this one']]));
    expect(drawn).toMatchSnapshot();
    expect(drawn.split('\n').length).toBeLessThan(10);
  });

  it('draws a chain deeper than the stack allows', () => {
    const spans = Array.from({ length: 20_000 }, (_, n) =>
      spanRecord({
        spanId: id(n + 1),
        parentSpanId: n === 0 ? '' : id(n),
        name: `level ${n}`,
        kind: 'internal',
        service: 'api',
      }),
    );
    const tree = treeOf(spans);
    const deepest = tree.node(id(20_000))!;
    const drawn = renderTree(tree, new Map([[deepest, 'bottom']]));
    expect(drawn).toMatchSnapshot();
  });
});
