import type { SpanPattern } from '../span-pattern.js';
import type { Assignment } from './assign-spans.js';
import { assignDistinct, assignOrdered } from './assign-spans.js';
import type { LocalCheck } from './local-checks.js';
import { localChecks } from './local-checks.js';
import type { TraceIndex } from './trace-index.js';

/** Why a span's requirements failed: which requirement, and the spans that did match it there. */
export interface RequirementFailure {
  readonly requirement: number;
  readonly reason: 'not-found' | 'count' | 'order';
  readonly found: readonly number[];
}

/** A span's requirements, evaluated: their candidates and the distinct spans assigned, or the first failure. */
export type Evaluation =
  | {
      readonly ok: true;
      readonly candidates: readonly (readonly number[])[];
      readonly assigned: readonly (readonly number[])[];
    }
  | { readonly ok: false; readonly failure: RequirementFailure };

const UNKNOWN = 0;
const YES = 1;
const NO = 2;

/**
 * Matches pattern nodes against the spans of one trace, memoising "does node P match at span i" (the answer
 * depends only on the subtree below i, because distinct spans are required among siblings, not across levels).
 * Spans are positions in the trace index.
 */
/** What the matcher remembers about one pattern node in this trace. */
interface NodeState {
  readonly checks: readonly LocalCheck[];
  /** Per span: UNKNOWN, YES or NO for the node's own constraints. */
  readonly local: Uint8Array;
  /** Per span: UNKNOWN, YES or NO for the node with everything below it. */
  readonly full: Uint8Array;
  all: Int32Array | undefined;
}

export class PatternMatcher {
  readonly #states = new Map<SpanPattern, NodeState>();

  constructor(readonly index: TraceIndex) {}

  holdsLocally(pattern: SpanPattern, i: number): boolean {
    return this.#holdsLocally(this.#state(pattern), i);
  }

  /** True when the pattern node, with everything below it, matches at span i. */
  matches(pattern: SpanPattern, i: number): boolean {
    return this.#matches(pattern, this.#state(pattern), i);
  }

  /** Every span the pattern node matches at, in pre-order. */
  allMatches(pattern: SpanPattern): Int32Array {
    const state = this.#state(pattern);
    if (state.all === undefined) {
      const found: number[] = [];
      for (let i = 0; i < this.index.nodes.length; i++) if (this.#matches(pattern, state, i)) found.push(i);
      state.all = Int32Array.from(found);
    }
    return state.all;
  }

  /** The spans a requirement may be looked for among: i's children, or every span below i. */
  scope(relation: 'child' | 'descendant', i: number): number[] {
    const end = this.index.end;
    const scope: number[] = [];
    if (relation === 'descendant') for (let j = i + 1; j < end[i]!; j++) scope.push(j);
    else for (let j = i + 1; j < end[i]!; j = end[j]!) scope.push(j);
    return scope;
  }

  /** The spans matching requirement r of `pattern` when `pattern` sits at span i. */
  candidates(pattern: SpanPattern, i: number, r: number): number[] {
    const requirement = pattern.requirements[r]!;
    const end = this.index.end;
    if (requirement.relation === 'child') {
      const found: number[] = [];
      for (let j = i + 1; j < end[i]!; j = end[j]!) if (this.matches(requirement.pattern, j)) found.push(j);
      return found;
    }
    const all = this.allMatches(requirement.pattern);
    return Array.from(all.subarray(lowerBound(all, i + 1), lowerBound(all, end[i]!)));
  }

  /** Checks the requirements of `pattern` at span i (its own constraints are not looked at). */
  evaluate(pattern: SpanPattern, i: number): Evaluation {
    const requirements = pattern.requirements;
    const candidates = requirements.map((_, r) => this.candidates(pattern, i, r));
    for (let r = 0; r < requirements.length; r++) {
      const { min, max } = requirements[r]!.count;
      const found = candidates[r]!;
      if (found.length > max || found.length < min) {
        const reason = found.length === 0 ? 'not-found' : 'count';
        return { ok: false, failure: { requirement: r, reason, found } };
      }
    }
    const mins = requirements.map((requirement) => requirement.count.min);
    const distinct = assignDistinct(mins, candidates);
    const assignment: Assignment =
      pattern.inOrder && 'assigned' in distinct ? this.#ordered(mins, candidates) : distinct;
    if ('assigned' in assignment) return { ok: true, candidates, assigned: assignment.assigned };
    const reason = 'assigned' in distinct ? 'order' : 'count';
    const requirement = assignment.failed;
    return { ok: false, failure: { requirement, reason, found: candidates[requirement]! } };
  }

  #ordered(mins: readonly number[], candidates: readonly (readonly number[])[]): Assignment {
    const nodes = this.index.nodes;
    return assignOrdered(mins, candidates, (position) => nodes[position]!.span.startTimeUnixNano);
  }

  #holdsLocally(state: NodeState, i: number): boolean {
    const known = state.local[i];
    if (known !== UNKNOWN) return known === YES;
    const { span, links } = this.index.nodes[i]!;
    let holds = true;
    for (const check of state.checks) {
      if (!check.holds(span, links)) {
        holds = false;
        break;
      }
    }
    state.local[i] = holds ? YES : NO;
    return holds;
  }

  #matches(pattern: SpanPattern, state: NodeState, i: number): boolean {
    const known = state.full[i];
    if (known !== UNKNOWN) return known === YES;
    const holds = this.#holdsLocally(state, i) && (pattern.requirements.length === 0 || this.evaluate(pattern, i).ok);
    state.full[i] = holds ? YES : NO;
    return holds;
  }

  #state(pattern: SpanPattern): NodeState {
    let state = this.#states.get(pattern);
    if (state === undefined) {
      const count = this.index.nodes.length;
      state = {
        checks: localChecks(pattern),
        local: new Uint8Array(count),
        full: new Uint8Array(count),
        all: undefined,
      };
      this.#states.set(pattern, state);
    }
    return state;
  }
}

/** The first position in a sorted array holding a value >= `value`. */
function lowerBound(sorted: Int32Array, value: number): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
