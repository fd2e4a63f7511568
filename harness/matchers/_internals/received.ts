import { InvalidArgumentError } from '../../errors.js';
import type { TraceTree } from '../../forest/trace-tree.js';
import type { MatcherContextLike } from './matcher-context.js';
import { messageUtils } from './matcher-context.js';
import type { MatcherOutcome, MatcherResult } from './outcome.js';

/** `this` of a matcher: the framework's context, or nothing when called as a plain function. */
export function contextOf(self: unknown): MatcherContextLike | undefined {
  return typeof self === 'object' && self !== null ? self : undefined;
}

/**
 * True for a TraceTree. Checked by shape, not `instanceof`: jest gives each test file its own copy of every module,
 * so a tree built by one copy of tracegate is not an instance of another copy's class.
 */
export function isTraceTree(value: unknown): value is TraceTree {
  const tree = value as Partial<TraceTree> | null;
  return (
    typeof tree === 'object' &&
    tree !== null &&
    typeof tree.traceId === 'string' &&
    typeof tree.spanCount === 'number' &&
    Array.isArray(tree.roots) &&
    Array.isArray(tree.orphans) &&
    typeof tree.walk === 'function'
  );
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Judges the received value now, or once it resolves when it is a promise; a rejection propagates unchanged. */
export function settle(received: unknown, judge: (value: unknown) => MatcherOutcome): MatcherResult {
  if (!isThenable(received)) return judge(received);
  return Promise.resolve(received).then(judge);
}

/** The hint line and labels of a usage error, laid out like jest's own "Matcher error" messages. */
export interface UsageProblem {
  readonly matcher: string;
  readonly received: string;
  readonly expected: string;
  readonly problem: string;
  readonly value?: string;
}

/** Throws the error jest shows for a matcher used wrongly; thrown errors fail the test with or without `.not`. */
export function usageError(context: MatcherContextLike | undefined, usage: UsageProblem): never {
  const utils = messageUtils(context);
  const hint = utils.matcherHint(usage.matcher, usage.received, usage.expected, {
    isNot: context?.isNot === true,
    promise: context?.promise ?? '',
  });
  const value = usage.value === undefined ? '' : `\n\n${usage.value}`;
  throw new InvalidArgumentError(`${hint}\n\nMatcher error: ${usage.problem}${value}`);
}

/** A short description of what was received instead, for usage errors. */
export function describeValue(value: unknown): string {
  if (value === null) return 'Received: null';
  if (Array.isArray(value)) return `Received: an array of ${value.length}`;
  if (typeof value === 'object')
    return `Received: an object with keys ${Object.keys(value).slice(0, 6).join(', ') || '(none)'}`;
  if (typeof value === 'string') return `Received: string ${JSON.stringify(value.slice(0, 60))}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `Received: ${typeof value} ${value}`;
  }
  return `Received: ${typeof value}`;
}
