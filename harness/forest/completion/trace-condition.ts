import { InvalidArgumentError } from '../../errors.js';
import type { TraceTree } from '../trace-tree.js';

/** A condition over a trace tree that can say what it waits for, so a timeout message can name it. */
export interface TraceCondition {
  test(tree: TraceTree): boolean;
  readonly description: string;
}

/** What `until` accepts: a described condition (span patterns are one), or a plain predicate. */
export type TraceUntil = TraceCondition | ((tree: TraceTree) => boolean);

/** The condition used when `until` is not given. */
export const ANY_SPAN: TraceCondition = Object.freeze({
  test: (tree: TraceTree) => tree.spanCount > 0,
  description: 'at least one span',
});

/** Normalises `until` into a described condition; `api` prefixes the error for anything else. */
export function toTraceCondition(until: TraceUntil | undefined, api: string): TraceCondition {
  if (until === undefined) return ANY_SPAN;
  if (typeof until === 'function') {
    const predicate = until;
    // An arrow written inline in the options object is named "until" by the language, which says nothing.
    const named = predicate.name !== '' && predicate.name !== 'until';
    const description = named ? `${predicate.name}()` : 'the until predicate';
    return { test: (tree) => predicate(tree), description };
  }
  const candidate = until as Partial<TraceCondition> | null;
  if (typeof candidate?.test !== 'function' || typeof candidate.description !== 'string') {
    throw new InvalidArgumentError(
      `${api}: until must be a function or an object with test(tree) and a description string`,
    );
  }
  return until;
}
