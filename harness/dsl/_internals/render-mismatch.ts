import type { SpanNode } from '../../forest/span-node.js';
import type { TraceTree } from '../../forest/trace-tree.js';
import type { Divergence, MatchFailure } from '../match-result.js';
import { describeCount, formatCount } from './count-range.js';
import { renderCandidate, spanName } from './render-candidate.js';
import { nodeText, renderPattern } from './render-pattern.js';
import { renderTree } from './render-tree.js';
import { pathKey } from './pattern-nodes.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one-line summary that leads the explanation. */
function summary(divergence: Divergence): string {
  const { reason, parent, found, count } = divergence;
  const wanted = nodeText(divergence.pattern, divergence.relation);
  const below = parent === undefined ? '' : ` below ${spanName(parent)}`;
  switch (reason) {
    case 'not-found':
      return `no span matches ${wanted}${below}`;
    case 'count': {
      const short = found.length >= count.min && found.length <= count.max;
      const taken = short ? ', but the rest of the pattern needed some of them' : '';
      return `expected ${describeCount(count)} ${wanted}${below}, found ${found.length}${taken}`;
    }
    case 'order':
      return `${wanted}${below} does not start after the spans declared before it (:ordered)`;
    case 'not-root':
      return `${wanted} matches ${plural(found.length, 'span')}, but none of them is the root of the trace`;
  }
}

/** The note on the failing node of the expected pattern. */
function patternNote(divergence: Divergence): string {
  const { reason, found, count } = divergence;
  if (reason === 'count') return `✗ found ${found.length}, expected ${describeCount(count)}`;
  return `✗ ${reason === 'not-found' ? 'not found' : reason === 'order' ? 'out of order' : 'not the root'}`;
}

function treeMarks(divergence: Divergence, traceId: string) {
  const notes = new Map<SpanNode, string>();
  const extraChildren = new Map<SpanNode, string>();
  const { reason, parent, found } = divergence;
  const expected = `← expected ${nodeText(divergence.pattern, divergence.relation, formatCount(divergence.count))}`;
  const foundNote: Record<typeof reason, string> = {
    'not-found': '',
    count: `✗ ← matches (${found.length} found, ${describeCount(divergence.count)} expected)`,
    order: '✗ ← matches, but out of order',
    'not-root': '✗ ← matches, but is not the root',
  };
  for (const node of found) notes.set(node, foundNote[reason]);
  const missing = reason === 'not-found' || (reason === 'count' && found.length < divergence.count.min);
  let header: string | undefined;
  if (missing && parent !== undefined) extraChildren.set(parent, `✗ ${expected} here`);
  else if (missing) header = `✗ ${expected} somewhere in this trace`;
  divergence.candidates.forEach((candidate, k) => {
    if (candidate.traceId !== traceId) return;
    const note = notes.get(candidate.node);
    notes.set(candidate.node, `${note === undefined ? '' : `${note} `}← candidate ${k + 1}`);
  });
  return header === undefined ? { notes, extraChildren } : { notes, extraChildren, header };
}

/** The whole explanation of a mismatch: summary, expected pattern, received tree, nearest candidates. */
export function renderMismatch(result: MatchFailure, tree: TraceTree): string {
  const { divergence, traceId } = result;
  const notes = new Map<string, string>();
  for (let depth = 0; depth < divergence.path.length; depth++) notes.set(pathKey(divergence.path.slice(0, depth)), '✓');
  notes.set(pathKey(divergence.path), patternNote(divergence));
  const lines = [
    `trace ${traceId}: ${summary(divergence)}`,
    '',
    'Expected:',
    ...renderPattern(result.pattern, notes).map((line) => `  ${line}`),
    '',
    `Received (${plural(tree.spanCount, 'span')}):`,
    ...renderTree(tree, treeMarks(divergence, traceId)).map((line) => `  ${line}`),
    '',
  ];
  const missing = divergence.reason === 'not-found' || divergence.found.length < divergence.count.min;
  if (!missing) lines.pop();
  else if (divergence.candidates.length === 0) {
    lines.push(`Nearest candidates: none (no span satisfies any constraint of ${nodeText(divergence.pattern, 'top')})`);
  } else {
    lines.push('Nearest candidates:');
    divergence.candidates.forEach((candidate, k) => {
      lines.push(...renderCandidate(candidate, k + 1, divergence, traceId).map((line) => `  ${line}`));
    });
  }
  return lines.join('\n');
}
