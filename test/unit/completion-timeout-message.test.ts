import { describe, expect, it } from '@jest/globals';
import { ManualClock } from '../../harness/clock.js';
import { Store } from '../../harness/collect/store.js';
import { TimeoutError } from '../../harness/errors.js';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import type { SpanRecord } from '../../harness/model/span.js';
import { NO_EVENTS, NO_LINKS, STATUS_UNSET } from '../../harness/model/span.js';
import { waitForTrace } from '../../harness/forest/completion/wait-for-trace.js';
import { waitForTraces } from '../../harness/forest/completion/wait-for-traces.js';
import type { TraceTree } from '../../harness/forest/trace-tree.js';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const QUIET_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const EMPTY_TRACE = '5ce929d0e0e47364bf92f3577b34da6a';
const scope = { name: 'test', version: '', attributes: EMPTY_ATTRIBUTES };

function span(traceId: string, spanId: string, parentSpanId: string, name: string): SpanRecord {
  return {
    traceId,
    spanId,
    parentSpanId,
    name,
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

const hasWorkerConsumer = {
  test: (tree: TraceTree) => [...tree.walk()].some((node) => node.span.resource.serviceName === 'worker'),
  description: 'a consumer span from service worker',
};

/** Runs a wait on a manual clock to its deadline and returns what it rejected with. */
async function rejection(wait: Promise<unknown>, clock: ManualClock, advance: () => Promise<void>): Promise<Error> {
  const outcome = wait.then(
    () => new Error('the wait resolved'),
    (error: unknown) => error as Error,
  );
  await advance();
  await clock.advance(10_000);
  return outcome;
}

describe('completion timeout message', () => {
  it('says what the wait was for and what the trace had: counts, roots, orphans, time since the last span', async () => {
    const store = new Store();
    const clock = new ManualClock();
    store.addSpans([span(TRACE, '00000000000000a1', '', 'POST /api/checkout')]);
    const wait = waitForTrace(store, TRACE, { clock, until: hasWorkerConsumer });
    const error = await rejection(wait, clock, async () => {
      await clock.advance(9_250);
      store.addSpans([span(TRACE, '00000000000000b2', '00000000000000ff', 'orders "process"')]);
    });
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(
      [
        `tracegate.waitForTrace(): timed out after 10000 ms waiting for trace ${TRACE} to satisfy "a consumer span from service worker" and then stay quiet for 300 ms; it had:`,
        `  ${TRACE}: 2 spans, condition not met, last span 750 ms ago, roots "POST /api/checkout", orphans "orders \\"process\\"" (parent 00000000000000ff missing)`,
      ].join('\n'),
    );
  });

  it('describes each trace of a multi-trace wait, including one with no spans and one that never changed', async () => {
    const store = new Store();
    const clock = new ManualClock();
    const roots = Array.from({ length: 7 }, (_, i) => span(QUIET_TRACE, `00000000000000${i}1`, '', `job ${i}`));
    store.addSpans(roots);
    const wait = waitForTraces(store, [QUIET_TRACE, EMPTY_TRACE], {
      clock,
      quietPeriodMs: 500,
      until: (tree) => tree.spanCount > 0,
    });
    const error = await rejection(wait, clock, () => Promise.resolve());
    expect(error.message).toBe(
      [
        `tracegate.waitForTraces(): timed out after 10000 ms waiting for 2 traces to each satisfy "the until predicate" and then stay quiet for 500 ms; it had:`,
        `  ${QUIET_TRACE}: 7 spans, condition met, no span arrived during the wait, roots "job 0", "job 1", "job 2", "job 3", "job 4" and 2 more`,
        `  ${EMPTY_TRACE}: 0 spans, condition not met, no span arrived`,
      ].join('\n'),
    );
  });

  it('names a plain predicate by its function name, and reports that the quiet period never came', async () => {
    const store = new Store();
    const clock = new ManualClock();
    function hasEntrySpan(tree: TraceTree): boolean {
      return tree.roots.length > 0;
    }
    const wait = waitForTrace(store, TRACE, { clock, until: hasEntrySpan, timeoutMs: 1_000 });
    const outcome = wait.then(
      () => new Error('the wait resolved'),
      (error: unknown) => error as Error,
    );
    for (let i = 1; i <= 10; i++) {
      await clock.advance(100);
      store.addSpans([span(TRACE, `00000000000000${i.toString(16)}1`, '', 'GET /poll')]);
    }
    const error = await outcome;
    expect(error.message).toBe(
      [
        `tracegate.waitForTrace(): timed out after 1000 ms waiting for trace ${TRACE} to satisfy "hasEntrySpan()" and then stay quiet for 300 ms; it had:`,
        `  ${TRACE}: 9 spans, condition met, last span 100 ms ago, roots "GET /poll", "GET /poll", "GET /poll", "GET /poll", "GET /poll" and 4 more`,
      ].join('\n'),
    );
  });
});
