import { describe, expect, it } from '@jest/globals';
import { absent, matchTrace, present, span } from '../../harness/dsl/index.js';
import type { SpanPattern } from '../../harness/dsl/index.js';
import type { SpanSpec } from '../support/dsl-traces.js';
import { spanIdOf, traceIdOf, traceOf } from '../support/dsl-traces.js';

const TRACE = traceIdOf(1);

/** True when the pattern matches a trace made of this one span (a root). */
const matchesSpan = (pattern: SpanPattern, spec: SpanSpec): boolean =>
  matchTrace(traceOf(TRACE, [spec]), pattern).kind === 'match';

const checkout: SpanSpec = {
  kind: 'server',
  name: 'POST /api/checkout',
  service: 'api',
  durationMs: 12,
  attributes: {
    'http.route': '/api/checkout',
    'http.response.status_code': 201,
    'db.rows': 12345678901234567890n,
    tags: ['a', 'b'],
    retried: false,
  },
};

describe('name and kind', () => {
  it('matches an exact name and nothing else', () => {
    expect(matchesSpan(span('POST /api/checkout'), checkout)).toBe(true);
    expect(matchesSpan(span('POST /api/checkout '), checkout)).toBe(false);
    expect(matchesSpan(span('post /api/checkout'), checkout)).toBe(false);
  });

  it('matches a RegExp name, even one with the global flag, the same way every time', () => {
    const global = span(/checkout/g);
    expect([1, 2, 3].map(() => matchesSpan(global, checkout))).toEqual([true, true, true]);
    expect(matchesSpan(span(/^GET /), checkout)).toBe(false);
  });

  it('matches the kind of each builder and any kind for span() and span.any()', () => {
    expect(matchesSpan(span.server(), checkout)).toBe(true);
    expect(matchesSpan(span.any(), checkout)).toBe(true);
    expect(matchesSpan(span(), checkout)).toBe(true);
    for (const other of [span.client(), span.producer(), span.consumer(), span.internal(), span.unspecified()]) {
      expect(matchesSpan(other, checkout)).toBe(false);
    }
  });
});

describe('service', () => {
  it('compares service.name exactly or by RegExp', () => {
    expect(matchesSpan(span.server({ service: 'api' }), checkout)).toBe(true);
    expect(matchesSpan(span.server({ service: 'worker' }), checkout)).toBe(false);
    expect(matchesSpan(span.server({ service: /^a/ }), checkout)).toBe(true);
  });
});

describe('attributes', () => {
  const withAttributes = (attributes: Parameters<typeof span.any>[0] & object) => span.any(attributes);

  it('compares exact values, numbers and bigints by value, arrays element by element', () => {
    expect(matchesSpan(withAttributes({ attributes: { 'http.route': '/api/checkout' } }), checkout)).toBe(true);
    expect(matchesSpan(withAttributes({ attributes: { 'http.response.status_code': 201n } }), checkout)).toBe(true);
    expect(matchesSpan(withAttributes({ attributes: { 'http.response.status_code': '201' } }), checkout)).toBe(false);
    expect(matchesSpan(withAttributes({ attributes: { 'db.rows': 12345678901234567890n } }), checkout)).toBe(true);
    expect(matchesSpan(withAttributes({ attributes: { tags: ['a', 'b'] } }), checkout)).toBe(true);
    expect(matchesSpan(withAttributes({ attributes: { tags: ['a'] } }), checkout)).toBe(false);
    expect(matchesSpan(withAttributes({ attributes: { retried: false } }), checkout)).toBe(true);
  });

  it('tests a RegExp against the text of scalar values', () => {
    expect(matchesSpan(withAttributes({ attributes: { 'http.route': /^\/api\// } }), checkout)).toBe(true);
    expect(matchesSpan(withAttributes({ attributes: { 'http.response.status_code': /^2\d\d$/ } }), checkout)).toBe(
      true,
    );
    expect(matchesSpan(withAttributes({ attributes: { tags: /a/ } }), checkout)).toBe(false);
  });

  it('calls a predicate with the value, and fails an absent attribute without calling it', () => {
    const seen: unknown[] = [];
    const isCreated = (value: unknown) => {
      seen.push(value);
      return value === 201;
    };
    expect(matchesSpan(withAttributes({ attributes: { 'http.response.status_code': isCreated } }), checkout)).toBe(
      true,
    );
    expect(matchesSpan(withAttributes({ attributes: { missing: isCreated } }), checkout)).toBe(false);
    expect(seen).toEqual([201]);
  });

  it('checks presence and absence', () => {
    expect(matchesSpan(withAttributes({ attributes: { 'http.route': present } }), checkout)).toBe(true);
    expect(matchesSpan(withAttributes({ attributes: { 'http.route': absent } }), checkout)).toBe(false);
    expect(matchesSpan(withAttributes({ attributes: { 'url.full': absent } }), checkout)).toBe(true);
    expect(matchesSpan(withAttributes({ attributes: { 'url.full': span.present } }), checkout)).toBe(false);
  });
});

describe('status, duration and root', () => {
  it('compares the status code', () => {
    expect(matchesSpan(span.any({ status: 'error' }), { ...checkout, status: 'error' })).toBe(true);
    expect(matchesSpan(span.any({ status: 'error' }), checkout)).toBe(false);
    expect(matchesSpan(span.any({ status: 'unset' }), checkout)).toBe(true);
  });

  it('keeps inclusive and exclusive duration bounds apart', () => {
    expect(matchesSpan(span.any({ duration: { minMs: 12, maxMs: 12 } }), checkout)).toBe(true);
    expect(matchesSpan(span.any({ duration: { belowMs: 12 } }), checkout)).toBe(false);
    expect(matchesSpan(span.any({ duration: { aboveMs: 12 } }), checkout)).toBe(false);
    expect(matchesSpan(span.any({ duration: { aboveMs: 11.999, belowMs: 12.001 } }), checkout)).toBe(true);
  });

  it('requires a root when asked, by option or by .root()', () => {
    const tree = traceOf(TRACE, [{ ...checkout, children: [{ kind: 'client', name: 'SELECT orders' }] }]);
    expect(matchTrace(tree, span.client('SELECT orders')).kind).toBe('match');
    expect(matchTrace(tree, span.client('SELECT orders', { root: true })).kind).toBe('mismatch');
    expect(matchTrace(tree, span.client('SELECT orders').root()).kind).toBe('mismatch');
    expect(matchTrace(tree, span.server().root()).kind).toBe('match');
  });
});

describe('events', () => {
  const failing: SpanSpec = {
    ...checkout,
    status: 'error',
    events: [
      { name: 'exception', attributes: { 'exception.type': 'TypeError', 'exception.message': 'x is undefined' } },
      { name: 'retry' },
      { name: 'retry' },
    ],
  };

  it('needs an event with the given name and attributes', () => {
    const recorded = span.any({ events: [{ name: 'exception', attributes: { 'exception.type': /Error$/ } }] });
    expect(matchesSpan(recorded, failing)).toBe(true);
    expect(matchesSpan(recorded, checkout)).toBe(false);
    const wrongType = span.any({ events: [{ name: 'exception', attributes: { 'exception.type': 'RangeError' } }] });
    expect(matchesSpan(wrongType, failing)).toBe(false);
  });

  it('counts events, and none is a negative requirement', () => {
    expect(matchesSpan(span.any({ events: [{ name: 'retry', count: 2 }] }), failing)).toBe(true);
    expect(matchesSpan(span.any({ events: [{ name: 'retry', count: { atLeast: 3 } }] }), failing)).toBe(false);
    expect(matchesSpan(span.any({ events: [{ name: 'exception', count: 'none' }] }), failing)).toBe(false);
    expect(matchesSpan(span.any({ events: [{ name: 'exception', count: 'none' }] }), checkout)).toBe(true);
  });
});

describe('links', () => {
  const producerId = spanIdOf(1);
  const batch = (links: SpanSpec['links']) =>
    traceOf(TRACE, [
      { kind: 'producer', name: 'orders publish', service: 'api' },
      { kind: 'consumer', name: 'orders process', service: 'worker', links },
    ]);

  it('counts links matching attributes and a target pattern resolved in the trace', () => {
    const tree = batch([
      { traceId: TRACE, spanId: producerId, attributes: { 'messaging.operation': 'publish' } },
      { traceId: traceIdOf(9), spanId: spanIdOf(99) },
    ]);
    const consumer = (links: Parameters<typeof span.any>[0]) => span.consumer(links);
    expect(matchTrace(tree, consumer({ links: [{}] })).kind).toBe('match');
    expect(matchTrace(tree, consumer({ links: [{ count: 2 }] })).kind).toBe('match');
    expect(matchTrace(tree, consumer({ links: [{ target: span.producer({ service: 'api' }) }] })).kind).toBe('match');
    // The second link points at a span that was never collected, so it cannot satisfy a target.
    expect(matchTrace(tree, consumer({ links: [{ target: span.any(), count: 2 }] })).kind).toBe('mismatch');
    expect(matchTrace(tree, consumer({ links: [{ attributes: { 'messaging.operation': 'publish' } }] })).kind).toBe(
      'match',
    );
    expect(matchTrace(tree, consumer({ links: [{ count: 'none' }] })).kind).toBe('mismatch');
    expect(matchTrace(batch([]), consumer({ links: [{ count: 'none' }] })).kind).toBe('match');
  });
});
