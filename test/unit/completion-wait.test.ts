import { describe, expect, it, jest } from '@jest/globals';
import { ManualClock } from '../../harness/clock.js';
import { Store } from '../../harness/collect/store.js';
import type { StoreListener } from '../../harness/collect/store.js';
import { InvalidArgumentError, TimeoutError } from '../../harness/errors.js';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import type { SpanRecord } from '../../harness/model/span.js';
import { NO_EVENTS, NO_LINKS, STATUS_UNSET } from '../../harness/model/span.js';
import { waitForTrace } from '../../harness/forest/completion/wait-for-trace.js';
import { waitForTraces } from '../../harness/forest/completion/wait-for-traces.js';
import type { TraceTree } from '../../harness/forest/trace-tree.js';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const OTHER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const scope = { name: 'test', version: '', attributes: EMPTY_ATTRIBUTES };

function span(spanId: string, overrides: Partial<SpanRecord> = {}): SpanRecord {
  return {
    traceId: TRACE,
    spanId,
    parentSpanId: '',
    name: 'POST /api/checkout',
    kind: 'server',
    startTimeUnixNano: 1_700_000_000_000_000_000n,
    endTimeUnixNano: 1_700_000_000_000_001_000n,
    status: STATUS_UNSET,
    attributes: EMPTY_ATTRIBUTES,
    events: NO_EVENTS,
    links: NO_LINKS,
    resource: { serviceName: 'api', attributes: EMPTY_ATTRIBUTES },
    scope,
    traceFlags: 1,
    traceState: '',
    ...overrides,
  };
}

const entry = span('00000000000000a1');
const consumer = span('00000000000000b2', { parentSpanId: entry.spanId, kind: 'consumer', name: 'orders process' });
const hasConsumer = {
  test: (tree: TraceTree) => [...tree.walk()].some((node) => node.span.kind === 'consumer'),
  description: 'a consumer span',
};

/** A store that counts live listeners, so tests can see that a wait unsubscribed. */
class CountingStore extends Store {
  listeners = 0;
  override subscribe(listener: StoreListener): () => void {
    this.listeners++;
    const unsubscribe = super.subscribe(listener);
    return () => {
      this.listeners--;
      unsubscribe();
    };
  }
}

/** Observes a promise without awaiting it, so a test can assert it has not settled yet. */
function track<T>(promise: Promise<T>): { settled: boolean; value?: T; error?: unknown } {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

describe('waitForTrace', () => {
  it('resolves with the tree once no span has arrived for the quiet period, and leaves nothing behind', async () => {
    const store = new CountingStore();
    const clock = new ManualClock();
    store.addSpans([entry]);
    const wait = track(waitForTrace(store, TRACE, { clock }));
    await clock.advance(299);
    expect(wait.settled).toBe(false);
    await clock.advance(1);
    expect(wait.value?.roots.map((node) => node.span)).toEqual([entry]);
    expect(clock.pendingTimers).toBe(0);
    expect(store.listeners).toBe(0);
  });

  it('restarts the quiet period when a span of the trace arrives during it', async () => {
    const store = new Store();
    const clock = new ManualClock();
    store.addSpans([entry]);
    const wait = track(waitForTrace(store, TRACE, { clock, quietPeriodMs: 300 }));
    await clock.advance(200);
    store.addSpans([consumer]);
    await clock.advance(299);
    expect(wait.settled).toBe(false);
    await clock.advance(1);
    expect(wait.value?.spanCount).toBe(2);
  });

  it('ignores spans of other traces when measuring the quiet period', async () => {
    const store = new Store();
    const clock = new ManualClock();
    store.addSpans([entry]);
    const wait = track(waitForTrace(store, TRACE, { clock }));
    await clock.advance(200);
    store.addSpans([span('00000000000000c3', { traceId: OTHER_TRACE })]);
    await clock.advance(100);
    expect(wait.value?.spanCount).toBe(1);
  });

  it('keeps waiting while the condition is false, then waits out the quiet period after it turns true', async () => {
    const store = new Store();
    const clock = new ManualClock();
    store.addSpans([entry]);
    const wait = track(waitForTrace(store, TRACE, { clock, until: hasConsumer }));
    await clock.advance(5000);
    expect(wait.settled).toBe(false);
    store.addSpans([consumer]);
    await clock.advance(299);
    expect(wait.settled).toBe(false);
    await clock.advance(1);
    expect(wait.value?.node(consumer.spanId)?.parent?.span).toEqual(entry);
  });

  it('accepts a plain predicate as the condition', async () => {
    const store = new Store();
    const clock = new ManualClock();
    store.addSpans([entry]);
    const wait = track(waitForTrace(store, TRACE, { clock, until: (tree) => tree.spanCount >= 2 }));
    await clock.advance(1000);
    expect(wait.settled).toBe(false);
    store.addSpans([consumer]);
    await clock.advance(300);
    expect(wait.value?.spanCount).toBe(2);
  });

  it('flushes buffering sources before it reads, and resolves without waiting when the quiet period is 0', async () => {
    const store = new Store();
    const flush = jest.fn(() => {
      store.addSpans([entry]);
      return Promise.resolve();
    });
    store.registerFlusher(flush);
    const clock = new ManualClock();
    const tree = await waitForTrace(store, TRACE, { clock, quietPeriodMs: 0 });
    expect(flush).toHaveBeenCalled();
    expect(tree.roots.map((node) => node.span)).toEqual([entry]);
    expect(clock.now()).toBe(0);
  });

  it('rejects with TimeoutError at the deadline and leaves nothing behind', async () => {
    const store = new CountingStore();
    const clock = new ManualClock();
    const wait = track(waitForTrace(store, TRACE, { clock, timeoutMs: 2000 }));
    await clock.advance(1999);
    expect(wait.settled).toBe(false);
    await clock.advance(1);
    expect(wait.error).toBeInstanceOf(TimeoutError);
    expect(wait.error).toMatchObject({ code: 'TRACEGATE_ERR_TIMEOUT' });
    expect(clock.pendingTimers).toBe(0);
    expect(store.listeners).toBe(0);
  });

  it('rejects with the abort reason when aborted, removing its listener, timers and abort handler', async () => {
    const store = new CountingStore();
    const clock = new ManualClock();
    const controller = new AbortController();
    const removeListener = jest.spyOn(controller.signal, 'removeEventListener');
    store.addSpans([entry]);
    const wait = track(waitForTrace(store, TRACE, { clock, signal: controller.signal }));
    await clock.advance(100);
    const reason = new Error('test over');
    controller.abort(reason);
    await clock.advance(0);
    expect(wait.error).toBe(reason);
    expect(removeListener).toHaveBeenCalledWith('abort', expect.any(Function));
    expect(clock.pendingTimers).toBe(0);
    expect(store.listeners).toBe(0);
  });

  it('rejects at once for a signal that is already aborted, without subscribing', async () => {
    const store = new CountingStore();
    const clock = new ManualClock();
    const reason = new Error('cancelled before start');
    await expect(waitForTrace(store, TRACE, { clock, signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(store.listeners).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('passes on a failing flush as the rejection and cleans up', async () => {
    const store = new CountingStore();
    const clock = new ManualClock();
    const failure = new Error('exporter gone');
    store.registerFlusher(() => Promise.reject(failure));
    await expect(waitForTrace(store, TRACE, { clock })).rejects.toBe(failure);
    expect(store.listeners).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('validates its arguments first, naming the API and the bad value', async () => {
    const store = new Store();
    await expect(waitForTrace(store, 'abc')).rejects.toThrow(
      new InvalidArgumentError('tracegate.waitForTrace(): trace id "abc" has 3 hex characters, expected 32'),
    );
    await expect(waitForTrace(store, TRACE, { quietPeriodMs: -1 })).rejects.toThrow(
      'tracegate.waitForTrace(): quietPeriodMs must be a finite number ≥ 0, got -1',
    );
    await expect(waitForTrace(store, TRACE, { timeoutMs: 0 })).rejects.toThrow(
      'tracegate.waitForTrace(): timeoutMs must be a finite number > 0, got 0',
    );
    await expect(waitForTrace(store, TRACE, { until: {} as never })).rejects.toThrow(InvalidArgumentError);
  });

  it('accepts an uppercase trace id and answers with the lowercase one', async () => {
    const store = new Store();
    store.addSpans([entry]);
    const tree = await waitForTrace(store, TRACE.toUpperCase(), { clock: new ManualClock(), quietPeriodMs: 0 });
    expect(tree.traceId).toBe(TRACE);
    expect(tree.spanCount).toBe(1);
  });
});

describe('waitForTraces', () => {
  it('resolves with one tree per id, in the order given, once every trace meets the condition and all are quiet', async () => {
    const store = new Store();
    const clock = new ManualClock();
    store.addSpans([entry]);
    const wait = track(waitForTraces(store, [OTHER_TRACE, TRACE], { clock }));
    await clock.advance(1000);
    expect(wait.settled).toBe(false);
    const other = span('00000000000000c3', { traceId: OTHER_TRACE });
    store.addSpans([other]);
    await clock.advance(300);
    expect(wait.value?.map((tree) => [tree.traceId, tree.spanCount])).toEqual([
      [OTHER_TRACE, 1],
      [TRACE, 1],
    ]);
  });

  it('refuses an empty list of trace ids', async () => {
    await expect(waitForTraces(new Store(), [])).rejects.toThrow(
      'tracegate.waitForTraces(): traceIds must be a non-empty array of trace ids',
    );
  });
});
