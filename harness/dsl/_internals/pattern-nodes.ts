import type { PatternPath } from '../match-result.js';
import type { PatternRequirement, SpanPattern } from '../span-pattern.js';

/** One node of a pattern with its path and, below the top, the requirement that put it there. */
export interface PatternNodeEntry {
  readonly path: PatternPath;
  readonly pattern: SpanPattern;
  readonly requirement: PatternRequirement | undefined;
  readonly depth: number;
}

/** Every node of a pattern, depth first, top first. */
export function patternNodes(pattern: SpanPattern): PatternNodeEntry[] {
  const entries: PatternNodeEntry[] = [];
  const visit = (node: SpanPattern, path: PatternPath, requirement: PatternRequirement | undefined) => {
    entries.push({ path, pattern: node, requirement, depth: path.length });
    node.requirements.forEach((child, r) => visit(child.pattern, [...path, r], child));
  };
  visit(pattern, [], undefined);
  return entries;
}

/** How many nodes a pattern has, itself included. */
export function patternSize(pattern: SpanPattern): number {
  let size = 1;
  for (const requirement of pattern.requirements) size += patternSize(requirement.pattern);
  return size;
}

/** A path as a map key. */
export const pathKey = (path: PatternPath): string => path.join('.');
