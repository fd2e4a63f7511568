import type { Candidate, MatchFailure } from '../../dsl/match-result.js';
import { describeSpan, plural } from './describe-span.js';
import { describeBounds } from './span-count.js';

function where(failure: MatchFailure): string {
  const { parent, relation } = failure.divergence;
  if (parent === undefined || relation === 'top') return 'in the trace';
  return relation === 'child' ? `as a child of ${describeSpan(parent.span)}` : `below ${describeSpan(parent.span)}`;
}

/** Where the nearest candidate sits and what it lacks, in one line. */
export function describeCandidate(candidate: Candidate): string {
  const span = describeSpan(candidate.node.span);
  const failed = candidate.failures.map((failure) => `${failure.constraint} (has ${failure.actual})`).join(', ');
  const lacks = failed === '' ? '' : `, but it needs ${failed}`;
  switch (candidate.location) {
    case 'in-scope':
      return `${span}${lacks}`;
    case 'deeper':
      return `${span}, deeper than a direct child${lacks}`;
    case 'elsewhere':
      return `${span}, elsewhere in this trace${lacks}`;
    case 'orphaned':
      return `${span}, below a span whose parent ${candidate.missingParentId ?? '?'} never arrived (orphaned hop)${lacks}`;
    case 'other-trace':
      return `${span} in trace ${candidate.traceId} (restarted hop)${lacks}`;
  }
}

/** The first divergence in a sentence or two: what was sought where, what was found, and the nearest candidate. */
export function summarizeMismatch(failure: MatchFailure): string {
  const { divergence } = failure;
  const sought = divergence.pattern.description;
  let head: string;
  switch (divergence.reason) {
    case 'not-found':
      head = `no span ${where(failure)} matches ${sought}`;
      break;
    case 'count':
      head = `${plural(divergence.found.length, 'span')} ${where(failure)} match ${sought}, needed ${describeBounds(divergence.count)}`;
      break;
    case 'order':
      head = `the spans ${where(failure)} match, but do not start in the declared order`;
      break;
    case 'not-root':
      head = `${sought} matches only spans that do not start the trace`;
      break;
  }
  const [nearest] = divergence.candidates;
  return nearest === undefined ? head : `${head}\nnearest: ${describeCandidate(nearest)}`;
}
