import { parseSelector } from '../../dsl/parse-selector.js';
import type { SpanPattern } from '../../dsl/span-pattern.js';
import type { MatcherContextLike } from './matcher-context.js';
import type { UsageProblem } from './received.js';
import { describeValue, usageError } from './received.js';

function isSpanPattern(value: unknown): value is SpanPattern {
  const pattern = value as Partial<SpanPattern> | null;
  return (
    typeof pattern === 'object' &&
    pattern !== null &&
    typeof pattern.test === 'function' &&
    typeof pattern.description === 'string' &&
    Array.isArray(pattern.requirements)
  );
}

/** A span pattern from a pattern or selector text; a selector's syntax error is thrown as the DSL words it. */
export function patternArgument(
  context: MatcherContextLike | undefined,
  usage: Omit<UsageProblem, 'problem' | 'value'>,
  pattern: unknown,
  what = 'pattern',
): SpanPattern {
  if (typeof pattern === 'string') return parseSelector(pattern);
  if (isSpanPattern(pattern)) return pattern;
  return usageError(context, {
    ...usage,
    problem: `${what} must be a span pattern (span.server(...)) or a selector string`,
    value: describeValue(pattern),
  });
}
