import { describe, expect, it } from '@jest/globals';
import '../../harness/matchers/jest.js';
import { span } from '../../harness/dsl/index.js';
import { ErrorCode, InvalidArgumentError, TimeoutError } from '../../harness/errors.js';
import { startHarness } from '../../harness/harness.js';
import { Store } from '../../harness/collect/store.js';
import { asyncFailureOf, failureOf } from '../fixtures/matchers-expect.js';
import { exportSpans } from '../fixtures/matchers-otlp.js';
import { OTHER_TRACE_ID, TRACE_ID, checkoutSpans, restartedCheckout } from '../fixtures/matchers-traces.js';

const apiSpans = () => checkoutSpans().filter((s) => s.resource.serviceName === 'api');
const workerSpans = () => checkoutSpans().filter((s) => s.resource.serviceName === 'worker');
const checkout = span.server('POST /api/checkout').descendant(span.consumer({ service: 'worker' }));

describe('startHarness', () => {
  it('listens on a free loopback port and stores what services export there', async () => {
    await using harness = await startHarness();
    expect(harness.otlpEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(harness.otlpEndpoint).toBe(harness.receiver.url);
    expect(harness.receiver.store).toBe(harness.store);
    expect(await exportSpans(harness.otlpEndpoint, checkoutSpans())).toBe(200);
    const tree = await harness.trace(TRACE_ID, { quietPeriodMs: 0 });
    expect(tree.spanCount).toBe(5);
    expect(tree).toMatchSpanTree(checkout);
  });

  it('waits through late spans: the .resolves form passes where an early read would have failed', async () => {
    await using harness = await startHarness({ quietPeriodMs: 100 });
    await exportSpans(harness.otlpEndpoint, apiSpans());
    const complete = harness.trace(TRACE_ID, { until: checkout });
    const early = await harness.trace(TRACE_ID, { quietPeriodMs: 50 });
    // Read before the worker exported: the tree is incomplete, and the matcher says so.
    expect(early.spanCount).toBe(3);
    expect(early).not.toMatchSpanTree(checkout);
    await exportSpans(harness.otlpEndpoint, workerSpans());
    await expect(complete).resolves.toMatchSpanTree(checkout);
    await expect(complete).resolves.toHaveNoOrphans();
    // A matcher also takes the pending trace itself and waits for it.
    await expect(harness.trace(TRACE_ID, { until: checkout })).toBeContinuousAcross('api>worker');
  });

  it('fails a .resolves assertion with the timeout and what the trace had when `until` never holds', async () => {
    await using harness = await startHarness({ timeoutMs: 300, quietPeriodMs: 50 });
    await exportSpans(harness.otlpEndpoint, apiSpans());
    const pending = harness.trace(TRACE_ID, { until: checkout });
    const message = await asyncFailureOf(() => expect(pending).resolves.toMatchSpanTree(checkout));
    expect(message).toContain('Received promise rejected instead of resolved');
    expect(message).toContain(`timed out after 300 ms waiting for trace ${TRACE_ID} to satisfy`);
    await expect(harness.trace(TRACE_ID, { until: checkout })).rejects.toThrow(TimeoutError);
  });

  it('gives trees that know their store, so a restarted hop is named with its trace id', async () => {
    await using harness = await startHarness();
    const { worker } = restartedCheckout();
    await exportSpans(harness.otlpEndpoint, [...apiSpans(), ...[...worker.walk()].map((node) => node.span)]);
    const [api] = await harness.traces([TRACE_ID, OTHER_TRACE_ID], { quietPeriodMs: 0 });
    expect(failureOf(() => expect(api).toBeContinuousAcross('api>worker'))).toContain(
      `restarted: consumer "orders process" [worker] b000000000000001 is in trace ${OTHER_TRACE_ID}`,
    );
  });

  it('rejects waits once closed, including one still running, and closes once', async () => {
    const harness = await startHarness({ store: new Store() });
    const running = harness.trace(TRACE_ID, { timeoutMs: 5_000 });
    await Promise.all([harness.close(), harness[Symbol.asyncDispose]()]);
    await expect(running).rejects.toMatchObject({ code: ErrorCode.Closed });
    await expect(harness.trace(TRACE_ID)).rejects.toMatchObject({ code: ErrorCode.Closed });
    await expect(harness.traces([TRACE_ID])).rejects.toThrow('tracegate.harness.traces(): the harness is closed');
  });

  it('checks its options before it starts anything', async () => {
    await expect(startHarness({ timeoutMs: -1 })).rejects.toThrow(InvalidArgumentError);
    await expect(startHarness({ store: {} as Store })).rejects.toThrow(
      'tracegate.startHarness(): store must be a tracegate Store',
    );
    await expect(startHarness({ receiver: { port: 70_000 } })).rejects.toThrow(
      'port must be an integer from 0 to 65535',
    );
  });
});
