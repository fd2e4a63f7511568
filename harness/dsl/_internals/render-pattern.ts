import type { SpanPattern } from '../span-pattern.js';
import { formatCount } from './count-range.js';
import { formatLocal } from './format-local.js';
import { pathKey, patternNodes } from './pattern-nodes.js';

const COMBINATOR = { child: '>', descendant: '>>' } as const;

/** A pattern node in one line, led by how it hangs below its parent: `>> consumer[service=worker]{2}`. */
export function nodeText(pattern: SpanPattern, relation: 'top' | 'child' | 'descendant', count = ''): string {
  const own = formatLocal(pattern) + count;
  return relation === 'top' ? own : `${COMBINATOR[relation]} ${own}`;
}

/** The pattern as an outline, one node per line, with notes keyed by path (see pathKey). */
export function renderPattern(pattern: SpanPattern, notes: ReadonlyMap<string, string>): string[] {
  const entries = patternNodes(pattern);
  const lines: string[] = [];
  // Whether each depth still has siblings to come decides between '│' and blank in the lead.
  const open: boolean[] = [];
  entries.forEach((entry, k) => {
    const { path, requirement } = entry;
    const text =
      requirement === undefined
        ? nodeText(entry.pattern, 'top')
        : nodeText(entry.pattern, requirement.relation, formatCount(requirement.count));
    const note = notes.get(pathKey(path));
    const line = note === undefined ? text : `${text}  ${note}`;
    if (path.length === 0) {
      lines.push(line);
      return;
    }
    const siblings = entries.filter((other) => other.path.length === path.length && samePrefix(other.path, path));
    const last = siblings[siblings.length - 1] === entry;
    open[path.length] = !last;
    const lead = open
      .slice(1, path.length)
      .map((more) => (more ? '│  ' : '   '))
      .join('');
    lines.push(`${lead}${last ? '└─ ' : '├─ '}${line}`);
    void k;
  });
  return lines;
}

const samePrefix = (a: readonly number[], b: readonly number[]) =>
  a.slice(0, -1).join('.') === b.slice(0, -1).join('.');
