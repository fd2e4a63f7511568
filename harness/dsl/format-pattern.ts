import type { SpanPattern } from './span-pattern.js';
import { formatCount } from './_internals/count-range.js';
import { formatLocal } from './_internals/format-local.js';

const COMBINATORS = { child: '>', descendant: '>>' } as const;

/** The selector text of a pattern; `parseSelector(formatPattern(p))` matches like `p` unless `p` holds predicates. */
export function formatPattern(pattern: SpanPattern): string {
  const own = formatLocal(pattern);
  const requirements = pattern.requirements;
  const [only] = requirements;
  if (only === undefined) return own;
  const item = (requirement: (typeof requirements)[number]): string =>
    formatLocalWithTail(requirement.pattern, formatCount(requirement.count));
  if (requirements.length === 1) return `${own} ${COMBINATORS[only.relation]} ${item(only)}`;
  const shared = requirements.every((requirement) => requirement.relation === only.relation);
  if (shared) return `${own} ${COMBINATORS[only.relation]} (${requirements.map(item).join(', ')})`;
  return `${own} (${requirements.map((r) => `${COMBINATORS[r.relation]} ${item(r)}`).join(', ')})`;
}

// A count sits right after its node's own constraints, before that node's own children.
function formatLocalWithTail(pattern: SpanPattern, count: string): string {
  const text = formatPattern(pattern);
  const own = formatLocal(pattern);
  return own + count + text.slice(own.length);
}
