import { describe, expect, it } from '@jest/globals';
import '../../harness/matchers/jest.js';
import { STATUS_ERROR } from '../../harness/model/span.js';
import { failureOf } from '../fixtures/matchers-expect.js';
import { COMPLETE_EXCEPTION, checkoutSpans, exceptionEvent, spanRecord, treeOf } from '../fixtures/matchers-traces.js';

const declined = { code: 'error', message: 'card declined' } as const;

function chargeSpan(overrides: Partial<Parameters<typeof spanRecord>[0]> = {}) {
  return spanRecord({
    spanId: 'b000000000000002',
    name: 'POST /charge',
    kind: 'client',
    service: 'worker',
    ...overrides,
  });
}

/** The checkout trace with its charge call replaced. */
function checkoutWithCharge(charge: ReturnType<typeof spanRecord>) {
  return treeOf([
    ...checkoutSpans().filter((span) => span.name !== 'POST /charge'),
    { ...charge, parentSpanId: 'b000000000000001' },
  ]);
}

describe('toHaveRecordedError on a span', () => {
  it('passes with ERROR status and a complete exception event, for a record and for a tree node', () => {
    const span = chargeSpan({ status: declined, events: [COMPLETE_EXCEPTION] });
    expect(span).toHaveRecordedError();
    expect(checkoutWithCharge(span).node('b000000000000002')).toHaveRecordedError();
    expect(failureOf(() => expect(span).not.toHaveRecordedError())).toMatchSnapshot();
  });

  it('names each attribute the exception event lacks', () => {
    const span = chargeSpan({
      status: declined,
      events: [exceptionEvent({ 'exception.type': 'CardDeclinedError', 'exception.message': '' })],
    });
    expect(span).not.toHaveRecordedError();
    const message = failureOf(() => expect(span).toHaveRecordedError());
    expect(message).toContain('"exception" event without exception.message, exception.stacktrace');
    expect(message).toMatchSnapshot();
  });

  it('fails without ERROR status even when the exception was recorded', () => {
    const span = chargeSpan({ events: [COMPLETE_EXCEPTION] });
    expect(span).not.toHaveRecordedError();
    expect(failureOf(() => expect(span).toHaveRecordedError())).toContain(
      'status unset; "exception" event CardDeclinedError: card declined',
    );
  });

  it('fails with ERROR status and no exception event', () => {
    expect(failureOf(() => expect(chargeSpan({ status: STATUS_ERROR })).toHaveRecordedError())).toContain(
      'status error; no "exception" event',
    );
  });
});

describe('toHaveRecordedError on a trace', () => {
  it('passes when every span with ERROR status recorded its exception', () => {
    const tree = checkoutWithCharge(chargeSpan({ status: declined, events: [COMPLETE_EXCEPTION] }));
    expect(tree).toHaveRecordedError();
    expect(failureOf(() => expect(tree).not.toHaveRecordedError())).toMatchSnapshot();
  });

  it('fails when one failing span lacks its exception event, marking it in the tree', () => {
    const tree = checkoutWithCharge(chargeSpan({ status: declined }));
    expect(tree).not.toHaveRecordedError();
    expect(failureOf(() => expect(tree).toHaveRecordedError())).toMatchSnapshot();
  });

  it('fails when no span has ERROR status, pointing at exception events recorded without it', () => {
    const tree = checkoutWithCharge(chargeSpan({ events: [COMPLETE_EXCEPTION] }));
    expect(tree).not.toHaveRecordedError();
    const message = failureOf(() => expect(tree).toHaveRecordedError());
    expect(message).toContain('no span with ERROR status among 5 spans; 1 span has an "exception" event without it');
    expect(message).toMatchSnapshot();
  });

  it('refuses values that are neither spans nor trees', () => {
    expect(failureOf(() => expect('boom').toHaveRecordedError())).toMatchSnapshot();
  });
});
