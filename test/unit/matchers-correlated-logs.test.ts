import { describe, expect, it } from '@jest/globals';
import '../../harness/matchers/jest.js';
import { failureOf } from '../fixtures/matchers-expect.js';
import { OTHER_TRACE_ID, TRACE_ID, checkoutTree, logRecord } from '../fixtures/matchers-traces.js';

const apiLog = logRecord({ service: 'api', body: 'order received', traceId: TRACE_ID, spanId: 'a000000000000001' });
const workerLog = logRecord({
  service: 'worker',
  body: 'charging card',
  traceId: TRACE_ID,
  spanId: 'b000000000000002',
});
const unrelated = logRecord({
  service: 'worker',
  body: 'charging card',
  traceId: OTHER_TRACE_ID,
  spanId: 'c000000000000001',
});

describe('toHaveCorrelatedLogs', () => {
  it('passes when every log of the request names a span of its own service; other requests are ignored', () => {
    expect(checkoutTree()).toHaveCorrelatedLogs([apiLog, workerLog, unrelated]);
    expect(failureOf(() => expect(checkoutTree()).not.toHaveCorrelatedLogs([apiLog, workerLog]))).toMatchSnapshot();
  });

  it('fails on a log naming a span of another service, and on span ids that are missing or unknown', () => {
    const logs = [
      apiLog,
      { ...workerLog, spanId: 'a000000000000002' },
      { ...apiLog, spanId: '' },
      { ...apiLog, spanId: 'ffffffffffffffff' },
    ];
    expect(checkoutTree()).not.toHaveCorrelatedLogs(logs);
    expect(failureOf(() => expect(checkoutTree()).toHaveCorrelatedLogs(logs))).toMatchSnapshot();
  });

  it('calls a log that mentions this request but carries another trace id leakage, and one without ids uncorrelated', () => {
    const leaked = logRecord({
      service: 'worker',
      body: 'charging card',
      traceId: OTHER_TRACE_ID,
      spanId: 'c000000000000001',
      attributes: { 'order.trace': TRACE_ID.toUpperCase() },
    });
    const bare = logRecord({ service: 'worker', body: 'retrying order 1234 (request r-77)' });
    const tree = checkoutTree();
    expect(tree).not.toHaveCorrelatedLogs([apiLog, leaked]);
    const message = failureOf(() =>
      expect(tree).toHaveCorrelatedLogs([apiLog, leaked, bare], { requestKeys: ['r-77'] }),
    );
    expect(message).toContain(
      `leaked: [worker] INFO "charging card" carries trace ${OTHER_TRACE_ID} but mentions ${TRACE_ID}`,
    );
    expect(message).toContain('no trace id: [worker] INFO "retrying order 1234 (request r-77)" mentions r-77');
    expect(message).toMatchSnapshot();
  });

  it('takes the request id the harness puts on spans (tracegate.req) as a key without being told', async () => {
    const { spanRecord, treeOf } = await import('../fixtures/matchers-traces.js');
    const tree = treeOf([
      spanRecord({
        spanId: 'a000000000000001',
        name: 'GET /',
        kind: 'server',
        service: 'api',
        attributes: { 'tracegate.req': 'req-42' },
      }),
    ]);
    const leaked = logRecord({
      service: 'api',
      body: 'hello',
      traceId: OTHER_TRACE_ID,
      spanId: 'c000000000000001',
      attributes: { 'tracegate.req': 'req-42' },
    });
    const own = logRecord({ service: 'api', body: 'hello', traceId: TRACE_ID, spanId: 'a000000000000001' });
    expect(tree).toHaveCorrelatedLogs([own]);
    expect(tree).not.toHaveCorrelatedLogs([own, leaked]);
  });

  it('fails when no log belongs to the request at all', () => {
    expect(checkoutTree()).not.toHaveCorrelatedLogs([unrelated]);
    expect(failureOf(() => expect(checkoutTree()).toHaveCorrelatedLogs([]))).toContain('Received: no logs');
    expect(failureOf(() => expect(checkoutTree()).toHaveCorrelatedLogs([unrelated]))).toContain(
      'Received: none of 1 log carries this trace id or mentions it',
    );
  });

  it('refuses logs that are not LogRecords', () => {
    expect(
      failureOf(() => expect(checkoutTree()).toHaveCorrelatedLogs([{ message: 'hi' }] as never)),
    ).toMatchSnapshot();
  });
});
