import fc from 'fast-check';
import { DEFAULT_SERVICES, DEFAULT_SPAN_NAMES } from '../../harness/arbitraries/index.js';
import type { AttributeExpectation, SpanCount, SpanPattern, SpanPatternOptions } from '../../harness/dsl/index.js';
import { absent, present, span } from '../../harness/dsl/index.js';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import type { SpanKind, SpanRecord, StatusCode } from '../../harness/model/span.js';
import { NO_EVENTS, SPAN_KINDS } from '../../harness/model/span.js';

/** Per-span extras: a status, a few attributes and maybe an `exception` event. */
interface SpanExtras {
  readonly status: StatusCode;
  readonly route: string | null;
  readonly retries: number | bigint | null;
  readonly exception: string | null;
}

const extrasArbitrary: fc.Arbitrary<SpanExtras> = fc.record({
  status: fc.constantFrom<StatusCode>('unset', 'ok', 'error'),
  route: fc.option(fc.constantFrom('/a', '/b', '/a/b'), { freq: 3 }),
  retries: fc.option(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constantFrom(1n, 2n)), { freq: 3 }),
  exception: fc.option(fc.constantFrom('TypeError', 'RangeError'), { freq: 2 }),
});

/** The same spans, each given a status, maybe `http.route` / `retries` attributes and maybe an exception event. */
export function decoratedSpansArbitrary(spans: readonly SpanRecord[]): fc.Arbitrary<SpanRecord[]> {
  return fc.array(extrasArbitrary, { minLength: spans.length, maxLength: spans.length }).map((extras) =>
    spans.map((record, i): SpanRecord => {
      const { status, route, retries, exception } = extras[i]!;
      const attributes: Record<string, string | number | bigint> = {};
      if (route !== null) attributes['http.route'] = route;
      if (retries !== null) attributes.retries = retries;
      return {
        ...record,
        status: { code: status, message: '' },
        attributes: Object.keys(attributes).length === 0 ? EMPTY_ATTRIBUTES : attributes,
        events:
          exception === null
            ? NO_EVENTS
            : [
                {
                  name: 'exception',
                  timeUnixNano: record.startTimeUnixNano,
                  attributes: { 'exception.type': exception },
                },
              ],
      };
    }),
  );
}

/** A pattern over the vocabulary generated spans use, without predicates (so it has an exact selector form). */
interface PatternSpec {
  readonly kind: SpanKind | null;
  readonly name: string | RegExp | null;
  readonly options: SpanPatternOptions;
  readonly ordered: boolean;
  readonly requirements: readonly {
    readonly relation: 'child' | 'descendant';
    readonly count: SpanCount | null;
    readonly pattern: PatternSpec;
  }[];
}

const regexOf = (word: string) => new RegExp(`^${word.slice(0, 4).replace(/[/\\^$.*+?()[\]{}|]/g, '\\$&')}`);
const nameArbitrary = fc.oneof(
  fc.constantFrom(...DEFAULT_SPAN_NAMES),
  fc.constantFrom(...DEFAULT_SPAN_NAMES).map(regexOf),
  fc.constantFrom(/process/i, /^(POST|GET) /),
);
const countArbitrary: fc.Arbitrary<SpanCount> = fc.oneof(
  fc.integer({ min: 0, max: 2 }),
  fc.constant<SpanCount>('none'),
  fc.integer({ min: 0, max: 2 }).map((atLeast): SpanCount => ({ atLeast })),
  fc.integer({ min: 1, max: 2 }).map((atMost): SpanCount => ({ atMost })),
);

const optionsArbitrary: fc.Arbitrary<SpanPatternOptions> = fc
  .record(
    {
      service: fc.oneof(fc.constantFrom(...DEFAULT_SERVICES), fc.constant(/^(api|relay)$/)),
      attributes: fc.record(
        {
          'http.route': fc.constantFrom<AttributeExpectation>('/a', /^\/a/, present, absent),
          retries: fc.constantFrom<AttributeExpectation>(1, 2n, present, absent),
        },
        { requiredKeys: [] },
      ),
      status: fc.constantFrom<StatusCode>('unset', 'ok', 'error'),
      events: fc.constantFrom<SpanPatternOptions['events']>(
        [{ name: 'exception' }],
        [{ name: /^exc/, attributes: { 'exception.type': /Error$/ } }],
        [{ name: 'exception', attributes: { 'exception.type': 'TypeError' }, count: 1 }],
        [{ name: 'exception', count: 'none' }],
      ),
      links: fc.constantFrom<SpanPatternOptions['links']>(
        [{}],
        [{ count: 'none' }],
        [{ target: span.any({ service: 'api' }) }],
      ),
      duration: fc.constantFrom<SpanPatternOptions['duration']>(
        { minMs: 1 },
        { maxMs: 2 },
        { belowMs: 2 },
        { aboveMs: 0 },
      ),
      root: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  // Most patterns carry one or two constraints, so a good share of them match.
  .filter((options) => Object.keys(options).length <= 2);

const patternSpecArbitrary: fc.Arbitrary<PatternSpec> = fc.letrec<{ node: PatternSpec }>((tie) => ({
  node: fc.record({
    kind: fc.option(fc.constantFrom(...SPAN_KINDS), { freq: 2 }),
    name: fc.option(nameArbitrary, { freq: 2 }),
    options: optionsArbitrary,
    ordered: fc.boolean(),
    requirements: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant([]),
      fc.array(
        fc.record({
          relation: fc.constantFrom<'child' | 'descendant'>('child', 'descendant'),
          count: fc.option(countArbitrary, { freq: 2 }),
          pattern: tie('node'),
        }),
        { maxLength: 2 },
      ),
    ),
  }),
})).node;

const BUILDERS = {
  unspecified: span.unspecified,
  internal: span.internal,
  server: span.server,
  client: span.client,
  producer: span.producer,
  consumer: span.consumer,
} as const;

function buildPattern(spec: PatternSpec): SpanPattern {
  const build = spec.kind === null ? span : BUILDERS[spec.kind];
  let pattern = spec.name === null ? build(spec.options) : build(spec.name, spec.options);
  for (const { relation, count, pattern: child } of spec.requirements) {
    const built = buildPattern(child);
    pattern =
      relation === 'child' ? pattern.child(built, count ?? undefined) : pattern.descendant(built, count ?? undefined);
  }
  return spec.ordered ? pattern.ordered() : pattern;
}

/** Random span patterns built with the `span` builder: every constraint kind, counts, order, nesting. */
export const spanPatternArbitrary = (): fc.Arbitrary<SpanPattern> => patternSpecArbitrary.map(buildPattern);
