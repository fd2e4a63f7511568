import type { TraceCondition } from '../forest/completion/trace-condition.js';
import type { TraceTree } from '../forest/trace-tree.js';
import type { SpanKind, StatusCode } from '../model/span.js';
import type { CountRange } from './_internals/count-range.js';
import type { AttributeExpectation, DurationBounds, SpanCount } from './pattern-options.js';
import { formatPattern } from './format-pattern.js';
import { matchTrace } from './match-trace.js';
import { requirementOf } from './_internals/requirement-of.js';

/** One expected attribute, normalised. */
export interface AttributeConstraint {
  readonly key: string;
  readonly expected: AttributeExpectation;
}

/** One expected event, normalised (count defaults to at least one). */
export interface EventConstraint {
  readonly name: string | RegExp | undefined;
  readonly attributes: readonly AttributeConstraint[];
  readonly count: CountRange;
}

/** One expected set of links, normalised (count defaults to at least one). */
export interface LinkConstraint {
  readonly target: SpanPattern | undefined;
  readonly attributes: readonly AttributeConstraint[];
  readonly count: CountRange;
}

/** A span pattern expected below another: as a direct child or at any depth. */
export interface PatternRequirement {
  readonly relation: 'child' | 'descendant';
  readonly pattern: SpanPattern;
  readonly count: CountRange;
}

/** Everything a pattern holds; built by `span` and `parseSelector`, never by hand. */
export interface SpanPatternParts {
  readonly kind: SpanKind | undefined;
  readonly name: string | RegExp | undefined;
  readonly service: string | RegExp | undefined;
  readonly attributes: readonly AttributeConstraint[];
  readonly status: StatusCode | undefined;
  readonly events: readonly EventConstraint[];
  readonly links: readonly LinkConstraint[];
  readonly duration: DurationBounds | undefined;
  readonly mustBeRoot: boolean;
  readonly requirements: readonly PatternRequirement[];
  readonly inOrder: boolean;
}

// The same key in every copy of tracegate: its ES module and CommonJS builds, and each jest module registry.
const SPAN_PATTERN_BRAND: unique symbol = Symbol.for('tracegate.SpanPattern');

/**
 * An immutable span pattern: constraints on one span plus the spans expected below it. Every method returns a
 * new pattern. It is a `TraceCondition`, so `waitForTrace(store, id, { until: pattern })` waits for it.
 */
export class SpanPattern implements TraceCondition, SpanPatternParts {
  readonly kind: SpanKind | undefined;
  readonly name: string | RegExp | undefined;
  readonly service: string | RegExp | undefined;
  readonly attributes: readonly AttributeConstraint[];
  readonly status: StatusCode | undefined;
  readonly events: readonly EventConstraint[];
  readonly links: readonly LinkConstraint[];
  readonly duration: DurationBounds | undefined;
  readonly mustBeRoot: boolean;
  readonly requirements: readonly PatternRequirement[];
  readonly inOrder: boolean;
  // Private fields survive Object.freeze, so the selector text is computed once, on first use.
  #description: string | undefined;

  /**
   * True for a pattern made by any copy of tracegate, not only this one: jest loads `setupFilesAfterEnv:
   * ['tracegate/jest']` from the CommonJS build even when the test file imports the ES module build.
   */
  static [Symbol.hasInstance](value: unknown): value is SpanPattern {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { readonly [SPAN_PATTERN_BRAND]?: unknown })[SPAN_PATTERN_BRAND] === true
    );
  }

  /** @internal Use `span` or `parseSelector`. */
  constructor(parts: SpanPatternParts) {
    this.kind = parts.kind;
    this.name = parts.name;
    this.service = parts.service;
    this.attributes = Object.freeze([...parts.attributes]);
    this.status = parts.status;
    this.events = Object.freeze([...parts.events]);
    this.links = Object.freeze([...parts.links]);
    this.duration = parts.duration;
    this.mustBeRoot = parts.mustBeRoot;
    this.requirements = Object.freeze([...parts.requirements]);
    this.inOrder = parts.inOrder;
    Object.freeze(this);
  }

  /** The pattern in selector syntax (what `formatPattern` returns). */
  get description(): string {
    this.#description ??= formatPattern(this);
    return this.#description;
  }

  /** True when the pattern matches somewhere in the tree. */
  test(tree: TraceTree): boolean {
    return matchTrace(tree, this).kind === 'match';
  }

  /** A copy that also expects `pattern` as a direct child (`count` defaults to at least one). */
  child(pattern: SpanPattern | string, count?: SpanCount): SpanPattern {
    return this.#with({ requirements: [...this.requirements, requirementOf('child', pattern, count)] });
  }

  /** A copy that also expects `pattern` at any depth below (`count` defaults to at least one). */
  descendant(pattern: SpanPattern | string, count?: SpanCount): SpanPattern {
    return this.#with({ requirements: [...this.requirements, requirementOf('descendant', pattern, count)] });
  }

  /** A copy whose children and descendants must start in the order they were declared. */
  ordered(): SpanPattern {
    return this.#with({ inOrder: true });
  }

  /** A copy that must be the root of its trace. */
  root(): SpanPattern {
    return this.#with({ mustBeRoot: true });
  }

  /** The selector text, so patterns read well in template strings and assertion messages. */
  toString(): string {
    return this.description;
  }

  #with(change: Partial<SpanPatternParts>): SpanPattern {
    return new SpanPattern({ ...this, ...change });
  }
}

// On the prototype, not on each pattern, so patterns keep their own keys (and their printed and compared shape).
Object.defineProperty(SpanPattern.prototype, SPAN_PATTERN_BRAND, { value: true });
