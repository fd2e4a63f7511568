import { AT_LEAST_ONE } from './count-range.js';
import type { CountRange } from './count-range.js';
import type { DivergenceReason } from '../match-result.js';
import { SpanPattern } from '../span-pattern.js';
import type { PatternMatcher } from './pattern-matcher.js';
import { patternSize } from './pattern-nodes.js';

/** A divergence before its candidates are looked up; spans are positions in the trace index. */
export interface DivergenceSite {
  readonly reason: DivergenceReason;
  readonly path: readonly number[];
  readonly pattern: SpanPattern;
  readonly relation: 'top' | 'child' | 'descendant';
  readonly count: CountRange;
  readonly parent: number | undefined;
  readonly found: readonly number[];
}

interface Attempt {
  readonly site: DivergenceSite;
  /** How many pattern nodes were satisfied on the way; the attempt that got furthest is reported. */
  readonly progress: number;
}

// Bounds the work of explaining a mismatch in a huge trace; the first spans in canonical order are tried.
const MAX_ATTEMPTS = 64;

/** Finds where the trace leaves the pattern: the attempt that satisfied the most pattern nodes before failing. */
export function diagnose(matcher: PatternMatcher, pattern: SpanPattern): DivergenceSite {
  const top = { path: [], pattern, relation: 'top', count: AT_LEAST_ONE, parent: undefined } as const;
  const nodes = matcher.index.nodes;
  const local: number[] = [];
  for (let i = 0; i < nodes.length; i++) if (matcher.holdsLocally(pattern, i)) local.push(i);
  if (local.length === 0) {
    if (pattern.mustBeRoot) {
      const anywhere = new SpanPattern({ ...pattern, mustBeRoot: false });
      const found = [...matcher.allMatches(anywhere)];
      if (found.length > 0) return { ...top, reason: 'not-root', found };
    }
    return { ...top, reason: 'not-found', found: [] };
  }
  return best(matcher, pattern, local, new Map()).site;
}

function best(
  matcher: PatternMatcher,
  pattern: SpanPattern,
  spans: readonly number[],
  memo: Map<SpanPattern, Map<number, Attempt>>,
): Attempt {
  let chosen: Attempt | undefined;
  for (const i of spans.slice(0, MAX_ATTEMPTS)) {
    const attempt = attemptAt(matcher, pattern, i, memo);
    if (chosen === undefined || attempt.progress > chosen.progress) chosen = attempt;
  }
  return chosen!;
}

/** Explains why `pattern`, whose own constraints hold at span i, fails there because of its requirements. */
function attemptAt(
  matcher: PatternMatcher,
  pattern: SpanPattern,
  i: number,
  memo: Map<SpanPattern, Map<number, Attempt>>,
): Attempt {
  let attempts = memo.get(pattern);
  if (attempts === undefined) memo.set(pattern, (attempts = new Map<number, Attempt>()));
  const known = attempts.get(i);
  if (known !== undefined) return known;
  const evaluation = matcher.evaluate(pattern, i);
  if (evaluation.ok) throw new Error('tracegate: internal error, diagnosing a span that matches');
  const { requirement: failing, reason, found } = evaluation.failure;
  let progress = 1;
  pattern.requirements.forEach((requirement, r) => {
    const count = matcher.candidates(pattern, i, r).length;
    if (r !== failing && count >= requirement.count.min && count <= requirement.count.max) {
      progress += patternSize(requirement.pattern);
    }
  });
  const requirement = pattern.requirements[failing]!;
  const here: DivergenceSite = {
    reason,
    path: [failing],
    pattern: requirement.pattern,
    relation: requirement.relation,
    count: requirement.count,
    parent: i,
    found,
  };
  let attempt: Attempt = { site: here, progress };
  if (reason === 'not-found' && requirement.pattern.requirements.length > 0) {
    // Spans that have the right own constraints but lack something below them: the divergence is deeper.
    const partial = matcher.scope(requirement.relation, i).filter((j) => matcher.holdsLocally(requirement.pattern, j));
    if (partial.length > 0) {
      const deeper = best(matcher, requirement.pattern, partial, memo);
      attempt = {
        site: { ...deeper.site, path: [failing, ...deeper.site.path] },
        progress: progress + deeper.progress,
      };
    }
  }
  attempts.set(i, attempt);
  return attempt;
}
