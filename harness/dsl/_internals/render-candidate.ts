import type { SpanNode } from '../../forest/span-node.js';
import type { Candidate, Divergence } from '../match-result.js';
import { spanLabel } from './span-label.js';

/** A span by kind and name only, for sentences: `producer "orders publish"`. */
export const spanName = (node: SpanNode): string => spanLabel(node.span).replace(/ \([^)]*\)$/, '');

function whereItSits(candidate: Candidate, divergence: Divergence): string {
  const parent = divergence.parent;
  switch (candidate.location) {
    case 'in-scope':
      return parent === undefined ? '' : `below ${spanName(parent)}`;
    case 'deeper': {
      const between = candidate.node.depth - (parent?.depth ?? 0) - 1;
      const sit = between === 1 ? '1 span sits' : `${between} spans sit`;
      return `below ${spanName(parent!)}, not as a direct child: ${sit} between (>> would allow that)`;
    }
    case 'orphaned':
      return `under parent ${candidate.missingParentId ?? '?'}, which never arrived (an orphaned hop)`;
    case 'other-trace':
      return 'in another trace (a restarted hop: the context did not cross)';
    case 'elsewhere':
      return candidate.node.parent === undefined
        ? 'at the top of this trace'
        : `under ${spanName(candidate.node.parent)}${parent === undefined ? '' : `, not below ${spanName(parent)}`}`;
  }
}

/** Two lines about a candidate: which span, then why it did not do. */
export function renderCandidate(candidate: Candidate, rank: number, divergence: Divergence, traceId: string): string[] {
  const span = candidate.node.span;
  const elsewhere = candidate.traceId === traceId ? '' : ` in trace ${candidate.traceId}`;
  const head = `${rank}. ${spanLabel(span)} span ${span.spanId}${elsewhere}`;
  const where = whereItSits(candidate, divergence);
  if (candidate.failures.length === 0) {
    const inScope = candidate.location === 'in-scope';
    const why = inScope ? 'matches, but another part of the pattern needed it' : `matches, but sits ${where}`;
    return [head, `   ${why}`];
  }
  const failed = candidate.failures.map((failure) => `${failure.constraint} (has ${failure.actual})`).join(', ');
  const score = `${candidate.satisfied} of ${candidate.total} constraints hold`;
  const location = candidate.location === 'in-scope' ? '' : `; it sits ${where}`;
  return [head, `   ${score}; fails ${failed}${location}`];
}
