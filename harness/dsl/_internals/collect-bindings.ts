import type { PatternBinding } from '../match-result.js';
import type { SpanPattern } from '../span-pattern.js';
import type { PatternMatcher } from './pattern-matcher.js';
import { pathKey, patternNodes } from './pattern-nodes.js';

/**
 * The spans each pattern node matched, once the top matched at span `top`. A node is bound to every span that
 * matched it under a bound parent, except spans its siblings needed to meet their own counts.
 */
export function collectBindings(matcher: PatternMatcher, pattern: SpanPattern, top: number): PatternBinding[] {
  const entries = patternNodes(pattern);
  const bound = new Map(entries.map((entry) => [pathKey(entry.path), new Set<number>()]));
  const visit = (node: SpanPattern, path: readonly number[], i: number): void => {
    const spans = bound.get(pathKey(path))!;
    if (spans.has(i)) return;
    spans.add(i);
    if (node.requirements.length === 0) return;
    const evaluation = matcher.evaluate(node, i);
    if (!evaluation.ok) return;
    evaluation.candidates.forEach((candidates, r) => {
      const takenBySiblings = new Set(evaluation.assigned.filter((_, other) => other !== r).flat());
      for (const j of candidates) {
        if (!takenBySiblings.has(j)) visit(node.requirements[r]!.pattern, [...path, r], j);
      }
    });
  };
  visit(pattern, [], top);
  const nodes = matcher.index.nodes;
  return entries.map(({ path, pattern: node }) => ({
    path,
    pattern: node,
    spans: [...bound.get(pathKey(path))!].sort((a, b) => a - b).map((i) => nodes[i]!),
  }));
}
