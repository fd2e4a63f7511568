import { describe, expect, it } from '@jest/globals';
import { ManualClock } from '../../harness/clock.js';
import { Store } from '../../harness/collect/store.js';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import type { SpanRecord } from '../../harness/model/span.js';
import { NO_EVENTS, NO_LINKS, STATUS_UNSET } from '../../harness/model/span.js';
import { trackQuietTraces } from '../../harness/run/_internals/quiet-traces.js';

const scope = { name: 'test', version: '', attributes: EMPTY_ATTRIBUTES };

function span(traceId: string, spanId: string): SpanRecord {
  return {
    traceId,
    spanId,
    parentSpanId: '',
    name: 'GET /',
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
  };
}

const A = '0af7651916cd43dd8448eb211c80319c';
const B = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('trackQuietTraces (the progress display\'s "traces complete")', () => {
  it('counts a trace once no span reached it for the quiet period, and not while spans keep coming', async () => {
    const store = new Store();
    const clock = new ManualClock(1_000);
    const quiet = trackQuietTraces(store, clock, 300);
    store.addSpans([span(A, '00f067aa0ba902b7')]);
    await clock.advance(200);
    store.addSpans([span(B, '00f067aa0ba902b8')]);
    expect(quiet.complete()).toBe(0);
    await clock.advance(100);
    expect(quiet.complete()).toBe(1); // A: 300 ms quiet
    store.addSpans([span(A, '00f067aa0ba902b9')]);
    expect(quiet.complete()).toBe(0); // A got a span again
    await clock.advance(300);
    expect(quiet.complete()).toBe(2);
  });

  it('stops listening when stopped: later traces are not counted', async () => {
    const store = new Store();
    const clock = new ManualClock(0);
    const quiet = trackQuietTraces(store, clock, 100);
    quiet.stop();
    store.addSpans([span(A, '00f067aa0ba902b7')]);
    await clock.advance(500);
    expect(quiet.complete()).toBe(0);
  });
});
