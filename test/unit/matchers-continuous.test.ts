import { describe, expect, it } from '@jest/globals';
import '../../harness/matchers/jest.js';
import { span } from '../../harness/dsl/index.js';
import { Store } from '../../harness/collect/store.js';
import { failureOf } from '../fixtures/matchers-expect.js';
import {
  OTHER_TRACE_ID,
  TRACE_ID,
  checkoutSpans,
  checkoutTree,
  linkTo,
  orphanedCheckoutTree,
  restartedCheckout,
  spanRecord,
  treeOf,
} from '../fixtures/matchers-traces.js';

describe('toBeContinuousAcross', () => {
  it('passes when the downstream service continues the trace as a descendant', () => {
    expect(checkoutTree()).toBeContinuousAcross('api>worker');
    expect(checkoutTree()).toBeContinuousAcross('api>worker:child');
    expect(checkoutTree()).toBeContinuousAcross({ from: span.producer(), to: span.consumer({ service: 'worker' }) });
    expect(checkoutTree()).toBeContinuousAcross({ from: 'producer[service=api]', to: 'consumer', via: 'child' });
    expect(failureOf(() => expect(checkoutTree()).not.toBeContinuousAcross('api>worker'))).toMatchSnapshot();
  });

  it('names an orphaned hop with the parent that never arrived', () => {
    const tree = orphanedCheckoutTree();
    expect(tree).not.toBeContinuousAcross('api>worker');
    const message = failureOf(() => expect(tree).toBeContinuousAcross('api>worker'));
    expect(message).toContain(
      'orphaned: consumer "orders process" [worker] b000000000000001 sits below a span whose parent a000000000000003 never arrived',
    );
    expect(message).toMatchSnapshot();
  });

  it('names a restarted hop in another trace with its trace id, from a store or from trees', () => {
    const { api, worker } = restartedCheckout();
    expect(api).not.toBeContinuousAcross('api>worker');
    const store = new Store();
    store.addSpans([
      ...checkoutSpans().filter((s) => s.resource.serviceName === 'api'),
      ...worker.roots.flatMap((root) => [root.span, ...root.children.map((child) => child.span)]),
    ]);
    const message = failureOf(() => expect({ tree: api, store }).toBeContinuousAcross('api>worker'));
    expect(message).toContain(
      `restarted: consumer "orders process" [worker] b000000000000001 is in trace ${OTHER_TRACE_ID}, with no link back to this trace`,
    );
    expect(message).toMatchSnapshot();
    expect(failureOf(() => expect({ tree: api, trees: [api, worker] }).toBeContinuousAcross('api>worker'))).toContain(
      `restarted: consumer "orders process" [worker] b000000000000001 is in trace ${OTHER_TRACE_ID}`,
    );
  });

  it('accepts a span link from another trace to the upstream span, unless only a child may continue it', () => {
    const { api, worker } = restartedCheckout({ linked: true });
    expect({ tree: api, trees: [worker] }).toBeContinuousAcross('api>worker');
    expect({ tree: api, trees: [worker] }).toBeContinuousAcross({ from: 'producer', to: 'consumer', via: 'link' });
    const message = failureOf(() => expect({ tree: api, trees: [worker] }).toBeContinuousAcross('api>worker:child'));
    expect(message).toContain(
      `link, but this hop must continue as a child: consumer "orders process" [worker] b000000000000001 in trace ${OTHER_TRACE_ID} links to producer "orders publish" [api] a000000000000003`,
    );
    expect(
      failureOf(() => expect({ tree: api, trees: [worker] }).not.toBeContinuousAcross('api>worker')),
    ).toMatchSnapshot();
  });

  it('rejects a child where only a link may continue the hop, and accepts a link within the same trace', () => {
    expect(checkoutTree()).not.toBeContinuousAcross('api>worker:link');
    expect(failureOf(() => expect(checkoutTree()).toBeContinuousAcross('api>worker:link'))).toContain(
      'child, but this hop must continue by a link: consumer "orders process" [worker] b000000000000001 is below producer "orders publish" [api] a000000000000003',
    );
    const batch = treeOf([
      ...checkoutSpans().slice(0, 3),
      spanRecord({
        spanId: 'b000000000000009',
        name: 'orders batch',
        kind: 'consumer',
        service: 'worker',
        startMs: 6,
        links: [linkTo(TRACE_ID, 'a000000000000003')],
      }),
    ]);
    expect(batch).toBeContinuousAcross('api>worker:link');
  });

  it('says when the upstream or the downstream side is missing altogether', () => {
    expect(failureOf(() => expect(checkoutTree()).toBeContinuousAcross('billing>worker'))).toContain(
      'Received: no upstream span: nothing in this trace matches span[service=billing]',
    );
    const apiOnly = treeOf(checkoutSpans().slice(0, 3));
    expect(failureOf(() => expect(apiOnly).toBeContinuousAcross('api>worker'))).toContain(
      'missing: no span matches span[service=worker] in this trace or any other known trace',
    );
  });

  it('refuses malformed hops', () => {
    expect(failureOf(() => expect(checkoutTree()).toBeContinuousAcross('api->worker'))).toMatchSnapshot();
    expect(() => expect(checkoutTree()).toBeContinuousAcross('api>')).toThrow('must read "from>to" with service names');
    expect(() => expect(checkoutTree()).toBeContinuousAcross({ from: 'server' } as never)).toThrow(
      'hop must be "from>to" or { from, to, via? }',
    );
    expect(() =>
      expect(checkoutTree()).toBeContinuousAcross({ from: 'server', to: 'consumer', via: 'sideways' as never }),
    ).toThrow("hop.via must be 'child', 'link' or 'either', got sideways");
  });
});
