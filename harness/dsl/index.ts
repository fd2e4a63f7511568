// The span-tree DSL: patterns (builder and selector text), the pure match engine, and the explanation renderer.
export { span } from './span.js';
export type { SpanBuilder, KindPatternBuilder } from './span.js';
export { SpanPattern } from './span-pattern.js';
export type {
  SpanPatternParts,
  PatternRequirement,
  AttributeConstraint,
  EventConstraint,
  LinkConstraint,
} from './span-pattern.js';
export { present, absent } from './pattern-options.js';
export type {
  SpanPatternOptions,
  SpanCount,
  AttributeExpectation,
  AttributeExpectations,
  AttributePredicate,
  EventPattern,
  LinkPattern,
  DurationBounds,
} from './pattern-options.js';
export type { CountRange } from './_internals/count-range.js';
export { parseSelector } from './parse-selector.js';
export { formatPattern } from './format-pattern.js';
export { matchTrace } from './match-trace.js';
export { findSpans } from './find-spans.js';
export type {
  MatchResult,
  MatchSuccess,
  MatchFailure,
  MatchContext,
  PatternBinding,
  PatternPath,
  Divergence,
  DivergenceReason,
  Candidate,
  CandidateLocation,
  ConstraintFailure,
} from './match-result.js';
export { explainMatch } from './explain-match.js';
