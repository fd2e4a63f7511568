import { InvalidArgumentError } from '../errors.js';
import type { SpanNode } from '../forest/span-node.js';
import type { TraceTree } from '../forest/trace-tree.js';
import { SpanPattern } from './span-pattern.js';
import { PatternMatcher } from './_internals/pattern-matcher.js';
import { traceIndex } from './_internals/trace-index.js';

/** Every span at which the whole pattern (its own constraints and everything below it) matches, in tree.walk() order. */
export function findSpans(tree: TraceTree, pattern: SpanPattern): readonly SpanNode[] {
  if (typeof tree?.walk !== 'function')
    throw new InvalidArgumentError('tracegate.findSpans(): tree must be a TraceTree');
  if (!(pattern instanceof SpanPattern)) {
    throw new InvalidArgumentError(
      'tracegate.findSpans(): pattern must be a span pattern (from span or parseSelector)',
    );
  }
  const matcher = new PatternMatcher(traceIndex(tree));
  const nodes = matcher.index.nodes;
  return Array.from(matcher.allMatches(pattern), (i) => nodes[i]!);
}
