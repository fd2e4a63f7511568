import { InvalidArgumentError } from '../../errors.js';
import type { SpanCount } from '../pattern-options.js';
import { parseSelector } from '../parse-selector.js';
import type { PatternRequirement } from '../span-pattern.js';
import { SpanPattern } from '../span-pattern.js';
import { toCountRange } from './count-range.js';

/** Validates the arguments of `.child()` / `.descendant()` into a requirement. */
export function requirementOf(
  relation: PatternRequirement['relation'],
  pattern: SpanPattern | string,
  count: SpanCount | undefined,
): PatternRequirement {
  const api = `tracegate.SpanPattern.${relation}()`;
  let expected: SpanPattern;
  if (typeof pattern === 'string') expected = parseSelector(pattern);
  else if (pattern instanceof SpanPattern) expected = pattern;
  else throw new InvalidArgumentError(`${api}: pattern must be a span pattern or a selector string`);
  return Object.freeze({ relation, pattern: expected, count: toCountRange(count, api) });
}
