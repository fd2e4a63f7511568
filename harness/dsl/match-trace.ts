import { InvalidArgumentError } from '../errors.js';
import type { TraceTree } from '../forest/trace-tree.js';
import type { Divergence, MatchContext, MatchResult } from './match-result.js';
import { SpanPattern } from './span-pattern.js';
import { collectBindings } from './_internals/collect-bindings.js';
import type { DivergenceSite } from './_internals/diagnose.js';
import { diagnose } from './_internals/diagnose.js';
import { PatternMatcher } from './_internals/pattern-matcher.js';
import { rankCandidates } from './_internals/rank-candidates.js';
import { traceIndex } from './_internals/trace-index.js';

const API = 'tracegate.matchTrace()';

// Candidates help only where spans are missing; too many, out of order or not the root is said by `found`.
const lacksSpans = (site: DivergenceSite): boolean =>
  site.reason === 'not-found' || (site.reason === 'count' && site.found.length < site.count.min);

function elsewhereOf(context: MatchContext | undefined): Iterable<TraceTree> | undefined {
  const elsewhere = context?.elsewhere;
  if (elsewhere === undefined) return undefined;
  if (typeof elsewhere === 'function') return elsewhere();
  if (typeof (elsewhere as Partial<Iterable<TraceTree>>)[Symbol.iterator] !== 'function') {
    throw new InvalidArgumentError(
      `${API}: context.elsewhere must be an iterable of trace trees or a function returning one`,
    );
  }
  return elsewhere;
}

/**
 * Matches a pattern against one trace: the spans bound to each pattern node, or the first divergence with the
 * nearest candidates. Pure; the top of the pattern may match any span unless it is `:root`.
 */
export function matchTrace(tree: TraceTree, pattern: SpanPattern, context?: MatchContext): MatchResult {
  if (typeof tree?.walk !== 'function') throw new InvalidArgumentError(`${API}: tree must be a TraceTree`);
  if (!(pattern instanceof SpanPattern)) {
    throw new InvalidArgumentError(`${API}: pattern must be a span pattern (from span or parseSelector)`);
  }
  if (context !== undefined && (typeof context !== 'object' || context === null)) {
    throw new InvalidArgumentError(`${API}: context must be an object`);
  }
  const matcher = new PatternMatcher(traceIndex(tree));
  const count = matcher.index.nodes.length;
  for (let i = 0; i < count; i++) {
    if (matcher.matches(pattern, i)) {
      return { kind: 'match', traceId: tree.traceId, pattern, bindings: collectBindings(matcher, pattern, i) };
    }
  }
  const site = diagnose(matcher, pattern);
  const nodes = matcher.index.nodes;
  const divergence: Divergence = {
    ...site,
    parent: site.parent === undefined ? undefined : nodes[site.parent],
    found: site.found.map((i) => nodes[i]!),
    candidates: lacksSpans(site) ? rankCandidates(matcher, site, elsewhereOf(context)) : [],
  };
  return { kind: 'mismatch', traceId: tree.traceId, pattern, divergence };
}
