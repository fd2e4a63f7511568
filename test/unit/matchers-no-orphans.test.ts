import { describe, expect, it } from '@jest/globals';
import '../../harness/matchers/jest.js';
import { toHaveNoOrphans } from '../../harness/matchers/to-have-no-orphans.js';
import type { MatcherOutcome } from '../../harness/matchers/_internals/outcome.js';
import { InvalidArgumentError } from '../../harness/errors.js';
import { asyncFailureOf, failureOf } from '../fixtures/matchers-expect.js';
import { TRACE_ID, checkoutTree, orphanedCheckoutTree, treeOf } from '../fixtures/matchers-traces.js';

describe('toHaveNoOrphans', () => {
  it('passes on a trace whose every parent arrived, and .not fails on it with the tree', () => {
    expect(checkoutTree()).toHaveNoOrphans();
    expect(failureOf(() => expect(checkoutTree()).not.toHaveNoOrphans())).toMatchSnapshot();
  });

  it('fails on an orphan, naming it with the parent id it names, and .not passes', () => {
    const tree = orphanedCheckoutTree();
    expect(tree).not.toHaveNoOrphans();
    const message = failureOf(() => expect(tree).toHaveNoOrphans());
    expect(message).toContain(
      'consumer "orders process" [worker] b000000000000001 names parent a000000000000003, which never arrived',
    );
    expect(message).toMatchSnapshot();
  });

  it('measures pass itself and leaves .not to the framework', () => {
    const plain = toHaveNoOrphans(orphanedCheckoutTree()) as MatcherOutcome;
    const negated = toHaveNoOrphans.call({ isNot: true }, orphanedCheckoutTree()) as MatcherOutcome;
    expect([plain.pass, negated.pass]).toEqual([false, false]);
    // Called without a framework, the message has no colours and the hint reads as the positive assertion.
    expect(plain.message().split('\n')[0]).toBe('expect(trace).toHaveNoOrphans()');
    expect(negated.message().split('\n')[0]).toBe('expect(trace).not.toHaveNoOrphans()');
  });

  it('builds its message only when asked', () => {
    const tree = orphanedCheckoutTree();
    let reads = 0;
    const counting = new Proxy(tree, {
      get(target, key, receiver) {
        if (key === 'tops') reads++; // drawing the tree starts from the tops
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const outcome = toHaveNoOrphans(counting) as MatcherOutcome;
    expect(outcome.pass).toBe(false);
    expect(reads).toBe(0);
  });

  it('waits for a pending trace, and a rejected one fails the assertion with or without .not', async () => {
    await expect(Promise.resolve(checkoutTree())).toHaveNoOrphans();
    await expect(Promise.resolve(orphanedCheckoutTree())).not.toHaveNoOrphans();
    const message = await asyncFailureOf(() => expect(Promise.resolve(orphanedCheckoutTree())).toHaveNoOrphans());
    expect(message.split('\n').slice(0, 3)).toEqual([
      'expect(trace).toHaveNoOrphans()',
      '',
      'Expected: no orphan spans',
    ]);
    const lost = Promise.reject(new Error('trace never came'));
    await expect(asyncFailureOf(() => expect(lost).not.toHaveNoOrphans())).resolves.toBe('trace never came');
  });

  it('refuses a trace without spans and values that are not trees, with or without .not', () => {
    const empty = treeOf([], TRACE_ID);
    expect(() => expect(empty).toHaveNoOrphans()).toThrow(InvalidArgumentError);
    expect(() => expect(empty).not.toHaveNoOrphans()).toThrow(`trace ${TRACE_ID} has no spans`);
    expect(failureOf(() => expect({ spans: [] }).toHaveNoOrphans())).toMatchSnapshot();
  });
});
