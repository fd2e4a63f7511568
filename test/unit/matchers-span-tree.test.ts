import { describe, expect, it } from '@jest/globals';
import '../../harness/matchers/jest.js';
import { span } from '../../harness/dsl/index.js';
import { PatternSyntaxError } from '../../harness/errors.js';
import { failureOf } from '../fixtures/matchers-expect.js';
import { OTHER_TRACE_ID, checkoutTree, orphanedCheckoutTree, restartedCheckout } from '../fixtures/matchers-traces.js';

const checkout = span.server('POST /api/checkout').descendant(span.consumer({ service: 'worker' }));

describe('toMatchSpanTree', () => {
  it('passes for a pattern or its selector text, and .not fails listing where it matched', () => {
    expect(checkoutTree()).toMatchSpanTree(checkout);
    expect(checkoutTree()).toMatchSpanTree('server "POST /api/checkout" >> consumer[service=worker]');
    expect(failureOf(() => expect(checkoutTree()).not.toMatchSpanTree(checkout))).toMatchSnapshot();
  });

  it('fails on an orphaned hop, and the message alone says where the trace broke', () => {
    const tree = orphanedCheckoutTree();
    expect(tree).not.toMatchSpanTree(checkout);
    const message = failureOf(() => expect(tree).toMatchSpanTree(checkout));
    expect(message).toContain('a000000000000003');
    expect(message).toMatchSnapshot();
  });

  it('names the restarted hop in another trace when the store or the other trees are given', () => {
    const { api, worker } = restartedCheckout();
    const message = failureOf(() => expect({ tree: api, trees: [worker] }).toMatchSpanTree(checkout));
    expect(message).toContain(OTHER_TRACE_ID);
    expect(message).toMatchSnapshot();
  });

  it('throws the selector syntax error as it is, with or without .not', () => {
    expect(() => expect(checkoutTree()).toMatchSpanTree('server >>> consumer')).toThrow(PatternSyntaxError);
    expect(() => expect(checkoutTree()).not.toMatchSpanTree('server >>> consumer')).toThrow(PatternSyntaxError);
    expect(failureOf(() => expect(checkoutTree()).toMatchSpanTree(42 as never))).toMatchSnapshot();
  });
});

describe('toContainSpan', () => {
  it('counts the spans that match, by default at least one', () => {
    const tree = checkoutTree();
    expect(tree).toContainSpan(span.consumer({ service: 'worker' }));
    expect(tree).toContainSpan('[service=api]', 3);
    expect(tree).toContainSpan('[service=api]', { atLeast: 2, atMost: 3 });
    expect(tree).toContainSpan('server > producer', 1);
    expect(tree).toContainSpan('span[service=billing]', 'none');
    expect(tree).not.toContainSpan('[service=api]', { atMost: 2 });
  });

  it('fails with the matching spans marked when the count is off', () => {
    expect(failureOf(() => expect(checkoutTree()).toContainSpan('[service=api]', { atMost: 2 }))).toMatchSnapshot();
  });

  it('fails with the nearest candidate when nothing matches, and .not fails naming what matched', () => {
    expect(
      failureOf(() => expect(checkoutTree()).toContainSpan(span.consumer({ service: 'billing' }))),
    ).toMatchSnapshot();
    expect(failureOf(() => expect(checkoutTree()).not.toContainSpan(span.client('POST /charge')))).toMatchSnapshot();
  });

  it('refuses counts that are not counts', () => {
    expect(() => expect(checkoutTree()).toContainSpan('server', -1)).toThrow(
      'count must be a non-negative integer, got -1',
    );
    expect(() => expect(checkoutTree()).toContainSpan('server', { atLeast: 3, atMost: 1 })).toThrow(
      'count.atLeast (3) is above count.atMost (1)',
    );
  });
});
