import { describe, expect, it } from '@jest/globals';
import { Store } from '../../harness/collect/store.js';
import type { Attributes } from '../../harness/model/attributes.js';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import type { SpanKind, SpanRecord } from '../../harness/model/span.js';
import { NO_EVENTS, NO_LINKS, STATUS_UNSET } from '../../harness/model/span.js';

// The store packs spans into rows and rebuilds records on read; these are the values that packing could lose.

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const resource = { serviceName: 'api', attributes: EMPTY_ATTRIBUTES };
const scope = { name: 'test', version: '', attributes: EMPTY_ATTRIBUTES };

function span(spanId: string, overrides: Partial<SpanRecord> = {}): SpanRecord {
  return {
    traceId: TRACE,
    spanId,
    parentSpanId: '',
    name: 'GET /health',
    kind: 'server',
    startTimeUnixNano: 1_700_000_000_000_000_001n,
    endTimeUnixNano: 1_700_000_000_000_500_001n,
    status: STATUS_UNSET,
    attributes: EMPTY_ATTRIBUTES,
    events: NO_EVENTS,
    links: NO_LINKS,
    resource,
    scope,
    traceFlags: 1,
    traceState: '',
    ...overrides,
  };
}

const spanId = (i: number): string => (i + 1).toString(16).padStart(16, '0');

function storeWith(spans: readonly SpanRecord[]): Store {
  const store = new Store();
  store.addSpans(spans);
  return store;
}

describe('Store records', () => {
  it('rebuilds attribute maps whose keys would break an object literal, keys in the same order', () => {
    const attributes: Record<string, unknown> = {};
    Object.defineProperty(attributes, '__proto__', { value: { polluted: true }, enumerable: true, writable: true });
    Object.assign(attributes, {
      '"); throw new Error("x': 1,
      '\u2028': 'separator',
      constructor: 'c',
      10: 'ten',
      2: 'two',
    });
    const added = span(spanId(0), { attributes: attributes as Attributes });
    const store = storeWith([added]);
    // Read often enough that the shape's compiled builder is used, not only the key-by-key one.
    for (let read = 0; read < 20; read++) {
      const [stored] = store.trace(TRACE);
      expect(stored!.attributes).toStrictEqual(added.attributes);
      expect(Object.keys(stored!.attributes)).toEqual(Object.keys(added.attributes));
      expect(Object.getPrototypeOf(stored!.attributes)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps -0, NaN, numbers beyond 32 bits, bigints, bytes and nested values exact', () => {
    const attributes = {
      zero: -0,
      nan: NaN,
      big: 2 ** 53,
      int: -(2 ** 31),
      fraction: 0.1,
      exact: 2n ** 63n - 1n,
      bytes: new Uint8Array([0, 255]),
      nested: [{ deep: [1, 'two', null] }, true],
    };
    const [stored] = storeWith([span(spanId(0), { attributes })]).trace(TRACE);
    expect(stored!.attributes).toStrictEqual(attributes);
    expect(Object.is(stored!.attributes.zero, -0)).toBe(true);
  });

  it('keeps maps with more keys than a shape holds, and every key list once shapes run out', () => {
    const wide = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`key.${i}`, i]));
    const distinct = Array.from({ length: 9_000 }, (_, i) => span(spanId(i + 1), { attributes: { [`k${i}`]: i } }));
    const spans = [span(spanId(0), { attributes: wide }), ...distinct];
    expect(storeWith(spans).trace(TRACE)).toStrictEqual(spans);
  });

  it('keeps times anywhere in 64 bits, and times and trace flags that do not fit their slots', () => {
    const spans = [
      span(spanId(0), { startTimeUnixNano: 0n, endTimeUnixNano: 2n ** 64n - 1n, traceFlags: 255 }),
      span(spanId(1), { startTimeUnixNano: -1n, endTimeUnixNano: 2n ** 64n, traceFlags: 256 }),
      span(spanId(2), { startTimeUnixNano: 5n, endTimeUnixNano: 4n, traceFlags: 0.5 }),
      // untyped callers: kept as given rather than thrown at by a typed array
      span(spanId(3), { startTimeUnixNano: 5 as unknown as bigint, endTimeUnixNano: 6n }),
    ];
    const store = storeWith(spans);
    expect(store.trace(TRACE)).toStrictEqual(spans);
    expect(store.findings().map((finding) => finding.code)).toEqual(['span.negative-duration']);
  });

  it('keeps ids it cannot pack as they are, and matches them exactly', () => {
    const upper = span('B7AD6B7169203331', { parentSpanId: 'not-a-span-id' });
    const lower = span('b7ad6b7169203331', { parentSpanId: 'B7AD6B7169203331' });
    const odd = span('', { traceId: 'no trace id', parentSpanId: 'é'.repeat(16) });
    const store = storeWith([upper, lower, odd, { ...upper }]);
    expect(store.counters()).toMatchObject({ spansStored: 3, spansDuplicate: 1 });
    expect(store.span(TRACE, 'B7AD6B7169203331')).toStrictEqual(upper);
    expect(store.span(TRACE, 'b7ad6b7169203331')).toStrictEqual(lower);
    expect(store.span('no trace id', '')).toStrictEqual(odd);
    expect(store.span(TRACE, 'B7AD6B716920333')).toBeUndefined();
    expect(store.span(TRACE, 'b7ad6b7169203331', 'no such kind' as SpanKind)).toBeUndefined();
  });

  it('finds and deduplicates the spans of a trace too large to search span by span', () => {
    const spans = Array.from({ length: 200 }, (_, i) => span(spanId(i), { parentSpanId: i === 0 ? '' : spanId(0) }));
    const clientHalves = spans.slice(0, 50).map((server) => ({ ...server, kind: 'client' as const }));
    const store = new Store();
    expect(store.addSpans([...spans, ...clientHalves])).toBe(250);
    expect(store.addSpans([...spans.slice(100), { ...spans[7]!, name: 'changed' }])).toBe(0);
    expect(store.counters()).toMatchObject({ spansStored: 250, spansDuplicate: 101 });
    expect(store.findings()).toEqual([expect.objectContaining({ code: 'span.duplicate-conflict', spanId: spanId(7) })]);
    for (const [i, server] of spans.entries()) {
      expect(store.span(TRACE, server.spanId)).toStrictEqual(server);
      expect(store.span(TRACE, server.spanId, 'client')).toStrictEqual(i < 50 ? clientHalves[i] : undefined);
    }
    expect(store.trace(TRACE)).toStrictEqual([...spans, ...clientHalves]);
  });

  it('hands out fresh records: changing one changes nothing stored', () => {
    const store = storeWith([span(spanId(0), { attributes: { 'http.route': '/health' } })]);
    const [first] = store.trace(TRACE) as { name: string; attributes: Record<string, unknown> }[];
    first!.name = 'changed';
    first!.attributes['http.route'] = 'changed';
    expect(store.trace(TRACE)[0]).toMatchObject({ name: 'GET /health', attributes: { 'http.route': '/health' } });
  });
});
