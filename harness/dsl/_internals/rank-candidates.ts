import type { TraceTree } from '../../forest/trace-tree.js';
import type { Candidate, CandidateLocation, ConstraintFailure } from '../match-result.js';
import type { SpanPattern } from '../span-pattern.js';
import type { DivergenceSite } from './diagnose.js';
import { describeCount } from './count-range.js';
import { formatLocal } from './format-local.js';
import { holdsLocally, localChecks } from './local-checks.js';
import { PatternMatcher } from './pattern-matcher.js';
import { traceIndex } from './trace-index.js';

/** How many candidates a divergence names. */
export const MAX_CANDIDATES = 3;

const LOCATION_RANK: Readonly<Record<CandidateLocation, number>> = {
  'in-scope': 0,
  deeper: 1,
  orphaned: 2,
  'other-trace': 3,
  elsewhere: 4,
};

const COMBINATOR = { child: '>', descendant: '>>' } as const;

/** What a span lacks below it, in the words of the first requirement it fails. */
function requirementFailure(matcher: PatternMatcher, pattern: SpanPattern, i: number): ConstraintFailure | undefined {
  if (pattern.requirements.length === 0) return undefined;
  const evaluation = matcher.evaluate(pattern, i);
  if (evaluation.ok) return undefined;
  const { requirement: r, reason, found } = evaluation.failure;
  const requirement = pattern.requirements[r]!;
  const constraint = `${COMBINATOR[requirement.relation]} ${formatLocal(requirement.pattern)}`;
  const actual =
    reason === 'not-found'
      ? 'not found'
      : reason === 'order'
        ? 'found, but out of order'
        : `found ${found.length}, expected ${describeCount(requirement.count)}`;
  return { constraint, actual };
}

function locate(
  matcher: PatternMatcher,
  site: DivergenceSite,
  j: number,
): Pick<Candidate, 'location' | 'missingParentId'> {
  const { nodes, end, top, tree } = matcher.index;
  const head = nodes[top[j]!]!;
  const orphaned = tree.orphans.includes(head);
  const parent = site.parent;
  if (parent !== undefined && j > parent && j < end[parent]!) {
    const direct = nodes[j]!.parent === nodes[parent];
    return { location: site.relation === 'child' && !direct ? 'deeper' : 'in-scope' };
  }
  if (orphaned) return { location: 'orphaned', missingParentId: head.span.parentSpanId };
  return { location: parent === undefined ? 'in-scope' : 'elsewhere' };
}

interface Scored {
  readonly j: number;
  readonly satisfied: number;
  readonly location: Pick<Candidate, 'location' | 'missingParentId'>;
}

function scoreInTrace(matcher: PatternMatcher, site: DivergenceSite): Candidate[] {
  const pattern = site.pattern;
  const checks = localChecks(pattern);
  const hasRequirements = pattern.requirements.length > 0;
  const total = checks.length + (hasRequirements ? 1 : 0);
  const excluded = new Set(site.found);
  if (site.parent !== undefined) excluded.add(site.parent);
  // Scores first, words later: describing what a span has costs far more than testing it, and only the best
  // few candidates are described.
  const scored: Scored[] = [];
  matcher.index.nodes.forEach((node, j) => {
    if (excluded.has(j)) return;
    let satisfied = 0;
    for (const check of checks) if (check.holds(node.span, node.links)) satisfied++;
    if (hasRequirements && satisfied > 0 && matcher.evaluate(pattern, j).ok) satisfied++;
    if (satisfied === 0 && total > 0) return;
    scored.push({ j, satisfied, location: locate(matcher, site, j) });
  });
  return best(scored, total).map(({ j, satisfied, location }) => {
    const node = matcher.index.nodes[j]!;
    const failures: ConstraintFailure[] = [];
    for (const check of checks) {
      if (!check.holds(node.span, node.links)) {
        failures.push({ constraint: check.constraint, actual: check.actual(node.span, node.links) });
      }
    }
    const below = requirementFailure(matcher, pattern, j);
    if (below !== undefined) failures.push(below);
    return { node, traceId: node.span.traceId, ...location, satisfied, total, failures };
  });
}

/** Entire matches first, then by the share of constraints satisfied, then by closeness; stable otherwise. */
function best<T extends { readonly satisfied: number; readonly location: Pick<Candidate, 'location'> }>(
  scored: T[],
  total: number,
): T[] {
  return scored
    .sort(
      (a, b) =>
        Number(a.satisfied < total) - Number(b.satisfied < total) ||
        b.satisfied - a.satisfied ||
        LOCATION_RANK[a.location.location] - LOCATION_RANK[b.location.location],
    )
    .slice(0, MAX_CANDIDATES);
}

/** Spans of other traces that match the node entirely: the hop restarted a trace. */
function fullMatchesElsewhere(site: DivergenceSite, traceId: string, trees: Iterable<TraceTree>): Candidate[] {
  const pattern = site.pattern;
  const total = localChecks(pattern).length + (pattern.requirements.length > 0 ? 1 : 0);
  const found: Candidate[] = [];
  for (const tree of trees) {
    if (tree.traceId === traceId) continue;
    // Indexing a tree costs a walk and a map; most trees have no span that even holds locally.
    let plausible = false;
    for (const node of tree.walk()) {
      if (holdsLocally(pattern, node.span, node.links)) {
        plausible = true;
        break;
      }
    }
    if (!plausible) continue;
    const matcher = new PatternMatcher(traceIndex(tree));
    for (const j of matcher.allMatches(pattern)) {
      const node = matcher.index.nodes[j]!;
      found.push({ node, traceId: tree.traceId, location: 'other-trace', satisfied: total, total, failures: [] });
      if (found.length >= MAX_CANDIDATES) return found;
    }
  }
  return found;
}

/**
 * The spans nearest to the failing node: entire matches in the wrong place first, then by the share of
 * constraints satisfied, then by how close they sit to where the node was sought.
 */
export function rankCandidates(
  matcher: PatternMatcher,
  site: DivergenceSite,
  elsewhere: Iterable<TraceTree> | undefined,
): Candidate[] {
  const candidates = scoreInTrace(matcher, site);
  const traceId = matcher.index.tree.traceId;
  if (elsewhere !== undefined) candidates.push(...fullMatchesElsewhere(site, traceId, elsewhere));
  const share = (candidate: Candidate) => (candidate.total === 0 ? 1 : candidate.satisfied / candidate.total);
  // Array.prototype.sort is stable, so ties keep canonical trace order.
  return candidates
    .sort(
      (a, b) =>
        Number(a.failures.length > 0) - Number(b.failures.length > 0) ||
        share(b) - share(a) ||
        LOCATION_RANK[a.location] - LOCATION_RANK[b.location],
    )
    .slice(0, MAX_CANDIDATES);
}
