import { describe, expect, it } from '@jest/globals';
import { Store } from '../../harness/collect/store.js';
import type { SpanRecord } from '../../harness/model/span.js';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import { NO_EVENTS, NO_LINKS, STATUS_UNSET } from '../../harness/model/span.js';

const resource = { serviceName: 'api', attributes: EMPTY_ATTRIBUTES };
const scope = { name: 'test', version: '', attributes: EMPTY_ATTRIBUTES };

function span(overrides: Partial<SpanRecord> = {}): SpanRecord {
  return {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
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

describe('Store', () => {
  it('stores an identical duplicate once, without a finding', () => {
    const store = new Store();
    expect(store.addSpans([span(), span()])).toBe(1);
    expect(store.trace(span().traceId)).toHaveLength(1);
    expect(store.counters()).toMatchObject({ spansReceived: 2, spansStored: 1, spansDuplicate: 1 });
    expect(store.findings()).toEqual([]);
  });

  it('keeps the first copy of a conflicting duplicate and records a finding naming the span', () => {
    const store = new Store();
    store.addSpans([span()]);
    store.addSpans([span({ name: 'GET /other' })]);
    expect(store.trace(span().traceId).map((s) => s.name)).toEqual(['GET /health']);
    expect(store.findings()).toEqual([
      expect.objectContaining({ code: 'span.duplicate-conflict', spanId: 'b7ad6b7169203331', level: 'error' }),
    ]);
  });

  it('treats the same span id with another kind as a different span', () => {
    const store = new Store();
    expect(store.addSpans([span(), span({ kind: 'client' })])).toBe(2);
    expect(store.trace(span().traceId).map((s) => s.kind)).toEqual(['server', 'client']);
  });

  it('accepts a span that ends before it starts and flags it', () => {
    const store = new Store();
    store.addSpans([span({ endTimeUnixNano: 1_699_999_999_999_999_999n })]);
    expect(store.counters().spansStored).toBe(1);
    expect(store.findings()[0]).toMatchObject({ code: 'span.negative-duration', level: 'warn' });
  });

  it('counts spans arriving after their trace was judged as late, and still stores them', () => {
    const store = new Store();
    store.addSpans([span()]);
    store.markJudged([span().traceId]);
    store.addSpans([span({ spanId: '00f067aa0ba902b7', parentSpanId: 'b7ad6b7169203331' })]);
    expect(store.counters()).toMatchObject({ spansLate: 1, spansStored: 2 });
  });

  it('notifies listeners with the traces a batch touched', () => {
    const store = new Store();
    const seen: string[][] = [];
    const unsubscribe = store.subscribe((ids) => seen.push([...ids]));
    store.addSpans([span(), span({ traceId: '1'.repeat(32) })]);
    unsubscribe();
    store.addSpans([span({ traceId: '2'.repeat(32) })]);
    expect(seen).toEqual([[span().traceId, '1'.repeat(32)]]);
  });

  it('caps findings and counts the ones it could not keep', () => {
    const store = new Store({ maxFindings: 1 });
    store.addFinding({ level: 'info', code: 'a', message: 'a' });
    store.addFinding({ level: 'info', code: 'b', message: 'b' });
    expect(store.findings()).toHaveLength(1);
    expect(store.counters().findingsDropped).toBe(1);
  });

  it('drains registered flushers before a read', async () => {
    const store = new Store();
    store.registerFlusher(() => {
      store.addSpans([span()]);
      return Promise.resolve();
    });
    await store.flush();
    expect(store.hasTrace(span().traceId)).toBe(true);
  });
});
