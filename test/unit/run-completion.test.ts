import { describe, expect, it } from '@jest/globals';
import { ManualClock } from '../../harness/clock.js';
import { Store } from '../../harness/collect/store.js';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import type { SpanRecord } from '../../harness/model/span.js';
import { NO_EVENTS, NO_LINKS, STATUS_UNSET } from '../../harness/model/span.js';
import { awaitCompletion } from '../../harness/run/_internals/await-completion.js';
import type { CompletionOutcome } from '../../harness/run/_internals/await-completion.js';
import { completionStep } from '../../harness/run/_internals/completion-decision.js';

const TRACE_A = '0af7651916cd43dd8448eb211c80319c';
const TRACE_B = '4bf92f3577b34da6a3ce929d0e0e4736';
const OTHER = '11111111111111111111111111111111';
const COMPLETE: CompletionOutcome = { deadlineReached: false, tracesNotQuiet: 0, otherTracesBusy: false };

function span(traceId: string, spanId: string): SpanRecord {
  return {
    traceId,
    spanId,
    parentSpanId: '',
    name: 'GET /work',
    kind: 'server',
    startTimeUnixNano: 1_700_000_000_000_000_000n,
    endTimeUnixNano: 1_700_000_000_000_001_000n,
    status: STATUS_UNSET,
    attributes: EMPTY_ATTRIBUTES,
    events: NO_EVENTS,
    links: NO_LINKS,
    resource: { serviceName: 'api', attributes: EMPTY_ATTRIBUTES },
    scope: { name: 'test', version: '', attributes: EMPTY_ATTRIBUTES },
    traceFlags: 1,
    traceState: '',
  };
}

function track(promise: Promise<CompletionOutcome>): { value?: CompletionOutcome } {
  const state: { value?: CompletionOutcome } = {};
  void promise.then((value) => (state.value = value));
  return state;
}

describe('completionStep', () => {
  const view = { startedMs: 1000, quietMs: 200, timeoutMs: 10_000, awaitedLastSpanMs: new Map<string, number>() };

  it('waits a full quiet period after the traffic even if the last span came earlier', () => {
    expect(completionStep({ ...view, lastSpanMs: 900 }, 1100)).toEqual({ done: false, nextCheckMs: 1200 });
    expect(completionStep({ ...view, lastSpanMs: 900 }, 1200)).toEqual({ done: true, outcome: COMPLETE });
  });

  it('moves the end of the wait with each span, but not past the deadline', () => {
    expect(completionStep({ ...view, lastSpanMs: 1500 }, 1600)).toEqual({ done: false, nextCheckMs: 1700 });
    expect(completionStep({ ...view, lastSpanMs: 10_950 }, 11_000)).toMatchObject({ done: true });
  });

  it('at the deadline counts awaited traces still receiving spans, else blames other traces', () => {
    const busy = new Map([
      [TRACE_A, 10_900],
      [TRACE_B, 5000],
    ]);
    expect(completionStep({ ...view, lastSpanMs: 10_900, awaitedLastSpanMs: busy }, 11_000)).toEqual({
      done: true,
      outcome: { deadlineReached: true, tracesNotQuiet: 1, otherTracesBusy: false },
    });
    expect(completionStep({ ...view, lastSpanMs: 10_950 }, 11_000)).toEqual({
      done: true,
      outcome: { deadlineReached: true, tracesNotQuiet: 0, otherTracesBusy: true },
    });
  });

  it('ends on an abort with what arrived', () => {
    expect(completionStep({ ...view, lastSpanMs: undefined }, 1050, true)).toEqual({
      done: true,
      outcome: { deadlineReached: true, tracesNotQuiet: 0, otherTracesBusy: false },
    });
  });
});

describe('awaitCompletion', () => {
  it('ends one quiet period after the last span when a request never got an entry span', async () => {
    const store = new Store();
    const clock = new ManualClock();
    const wait = track(awaitCompletion(store, [TRACE_A, TRACE_B], { quietMs: 200, timeoutMs: 10_000, clock }));
    await clock.advance(150);
    store.addSpans([span(TRACE_A, '00000000000000a1')]);
    await clock.advance(199);
    expect(wait.value).toBeUndefined();
    await clock.advance(1);
    // TRACE_B is judged missing by the checks; the wait itself is complete, not harness loss.
    expect(wait.value).toEqual(COMPLETE);
    expect(clock.now()).toBe(350);
    expect(clock.pendingTimers).toBe(0);
  });

  it('waits for spans of traces nobody awaits (a hop that restarted the trace) to settle', async () => {
    const store = new Store();
    const clock = new ManualClock();
    store.addSpans([span(TRACE_A, '00000000000000a1')]);
    const wait = track(awaitCompletion(store, [TRACE_A], { quietMs: 200, timeoutMs: 10_000, clock }));
    await clock.advance(100);
    store.addSpans([span(OTHER, '00000000000000b1')]);
    await clock.advance(199);
    expect(wait.value).toBeUndefined();
    await clock.advance(1);
    expect(wait.value).toEqual(COMPLETE);
  });

  it('reaches the deadline while an awaited trace keeps receiving spans', async () => {
    const store = new Store();
    const clock = new ManualClock();
    const wait = track(awaitCompletion(store, [TRACE_A], { quietMs: 200, timeoutMs: 1000, clock }));
    for (let i = 1; i <= 10; i++) {
      await clock.advance(100);
      store.addSpans([span(TRACE_A, `00000000000000${String(i).padStart(2, '0')}`)]);
    }
    expect(wait.value).toEqual({ deadlineReached: true, tracesNotQuiet: 1, otherTracesBusy: false });
    expect(clock.now()).toBe(1000);
    expect(clock.pendingTimers).toBe(0);
  });

  it('ends at once on an abort and leaves no timer behind', async () => {
    const store = new Store();
    const clock = new ManualClock();
    const controller = new AbortController();
    const wait = awaitCompletion(store, [TRACE_A], {
      quietMs: 200,
      timeoutMs: 10_000,
      clock,
      signal: controller.signal,
    });
    await clock.advance(50);
    controller.abort();
    await expect(wait).resolves.toEqual({ deadlineReached: true, tracesNotQuiet: 0, otherTracesBusy: false });
    expect(clock.pendingTimers).toBe(0);
  });
});
