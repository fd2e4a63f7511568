import { InvalidArgumentError } from '../errors.js';
import type { SpanKind } from '../model/span.js';
import type { SpanPatternOptions } from './pattern-options.js';
import { absent, present } from './pattern-options.js';
import { SpanPattern } from './span-pattern.js';
import { normalizeOptions, textMatcher } from './_internals/normalize-options.js';

/** Builds a pattern for one kind (or any kind); the name may be left out: `span.consumer({ service: 'worker' })`. */
export type KindPatternBuilder = {
  (name?: string | RegExp, options?: SpanPatternOptions): SpanPattern;
  (options?: SpanPatternOptions): SpanPattern;
};

/** The `span` builder: call it for any kind, or use the kind-named members. */
export interface SpanBuilder extends KindPatternBuilder {
  readonly server: KindPatternBuilder;
  readonly client: KindPatternBuilder;
  readonly producer: KindPatternBuilder;
  readonly consumer: KindPatternBuilder;
  readonly internal: KindPatternBuilder;
  readonly unspecified: KindPatternBuilder;
  /** Any span, constrained only by options. */
  readonly any: (options?: SpanPatternOptions) => SpanPattern;
  readonly present: typeof present;
  readonly absent: typeof absent;
}

function build(kind: SpanKind | undefined, api: string, first: unknown, second: unknown): SpanPattern {
  const named = first === undefined || typeof first === 'string' || first instanceof RegExp;
  if (!named && second !== undefined) throw new InvalidArgumentError(`${api}: name must be a string or RegExp`);
  const name = named ? textMatcher(first, api, 'name') : undefined;
  const options = (named ? second : first) as SpanPatternOptions | undefined;
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new InvalidArgumentError(`${api}: name must be a string or RegExp`);
  }
  return new SpanPattern({ kind, name, ...normalizeOptions(options, api), requirements: [], inOrder: false });
}

function kindBuilder(kind: SpanKind | undefined, api: string): KindPatternBuilder {
  return (first?: unknown, second?: unknown) => build(kind, api, first, second);
}

const members: Omit<SpanBuilder, never> = {
  server: kindBuilder('server', 'tracegate.span.server()'),
  client: kindBuilder('client', 'tracegate.span.client()'),
  producer: kindBuilder('producer', 'tracegate.span.producer()'),
  consumer: kindBuilder('consumer', 'tracegate.span.consumer()'),
  internal: kindBuilder('internal', 'tracegate.span.internal()'),
  unspecified: kindBuilder('unspecified', 'tracegate.span.unspecified()'),
  any: (options?: SpanPatternOptions) => {
    if (typeof options === 'string' || options instanceof RegExp) {
      throw new InvalidArgumentError('tracegate.span.any(): takes options only; use span(name) for a name');
    }
    return build(undefined, 'tracegate.span.any()', options ?? {}, undefined);
  },
  present,
  absent,
};

/** Span patterns: `span.server('POST /api/checkout').descendant(span.consumer({ service: 'worker' }))`. */
export const span: SpanBuilder = Object.freeze(Object.assign(kindBuilder(undefined, 'tracegate.span()'), members));
