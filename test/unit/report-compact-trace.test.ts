import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from '../../harness/errors.js';
import { REDACTED, compactTrace } from '../../harness/report/compact-trace.js';
import { SPAN_ID, TRACE_ID, sampleLog, sampleSpan } from '../support/otlp-samples.js';

const ROOT = sampleSpan({ spanId: 'aaaaaaaaaaaaaaa1', parentSpanId: '' });
const CHILD = sampleSpan({
  spanId: 'aaaaaaaaaaaaaaa2',
  parentSpanId: 'aaaaaaaaaaaaaaa1',
  name: 'SELECT orders',
  kind: 'client',
  startTimeUnixNano: ROOT.startTimeUnixNano + 1_500n,
  endTimeUnixNano: ROOT.startTimeUnixNano + 1_000n,
  status: { code: 'error', message: 'timeout' },
  events: [{ name: 'exception', timeUnixNano: ROOT.startTimeUnixNano + 2_000n, attributes: { 'exception.type': 'E' } }],
  links: [{ traceId: TRACE_ID, spanId: SPAN_ID, traceState: 'a=1', attributes: { 'link.note': 'x' } }],
});

describe('compactTrace', () => {
  it('gives times as exact offsets from the first span start, spans in start order', () => {
    const trace = compactTrace(TRACE_ID, [CHILD, ROOT]);
    expect(trace.startTimeUnixNano).toBe('1700000000123456789');
    expect(trace.spans.map((span) => [span.spanId, span.startOffsetNs, span.durationNs])).toEqual([
      ['aaaaaaaaaaaaaaa1', 0, 100_000_000],
      ['aaaaaaaaaaaaaaa2', 1_500, -500],
    ]);
    expect(trace.spans[1]).toMatchObject({
      parentSpanId: 'aaaaaaaaaaaaaaa1',
      kind: 'client',
      service: 'checkout-api',
      status: 'error',
      statusMessage: 'timeout',
      events: [{ name: 'exception', offsetNs: 2_000, attributes: { 'exception.type': 'E' } }],
      links: [{ traceId: TRACE_ID, spanId: SPAN_ID }],
    });
    expect(trace).toMatchObject({ omittedSpans: 0, omittedLogs: 0 });
  });

  it('redacts sensitive attribute values at any depth, in spans, events and logs', () => {
    const span = sampleSpan({
      attributes: {
        'http.request.header.authorization': 'Bearer abc',
        'db.connection': { 'user.Password': 'hunter2', host: 'db' },
        'http.route': '/login',
      },
      events: [{ name: 'login', timeUnixNano: ROOT.startTimeUnixNano, attributes: { session_token: 't' } }],
    });
    const log = sampleLog({ attributes: { Cookie: 'sid=1' }, body: { secretKey: 'k', text: 'hello' } });
    const trace = compactTrace(TRACE_ID, [span], { logs: [log] });
    expect(trace.spans[0]!.attributes).toEqual({
      'http.request.header.authorization': REDACTED,
      'db.connection': { 'user.Password': REDACTED, host: 'db' },
      'http.route': '/login',
    });
    expect(trace.spans[0]!.events[0]!.attributes).toEqual({ session_token: REDACTED });
    expect(trace.logs[0]).toMatchObject({
      attributes: { Cookie: REDACTED },
      body: { secretKey: REDACTED, text: 'hello' },
    });
  });

  it('redacts by a pattern of your own, also a global one, or not at all', () => {
    const span = sampleSpan({ attributes: { 'customer.email': 'a@b.c', 'customer.name': 'A' } });
    const redact = /email|name/g;
    expect(compactTrace(TRACE_ID, [span], { redact }).spans[0]!.attributes).toEqual({
      'customer.email': REDACTED,
      'customer.name': REDACTED,
    });
    const secret = sampleSpan({ attributes: { password: 'p' } });
    expect(compactTrace(TRACE_ID, [secret], { redact: false }).spans[0]!.attributes).toEqual({ password: 'p' });
  });

  it('keeps big integers exact, writes bytes as base64 and non-finite doubles by name', () => {
    const span = sampleSpan({
      attributes: {
        big: 2n ** 64n - 1n,
        bytes: new Uint8Array([0xde, 0xad, 0xbe, 0xef]),
        ratio: Number.NaN,
        list: [1n, Infinity],
      },
    });
    expect(compactTrace(TRACE_ID, [span]).spans[0]!.attributes).toEqual({
      big: 18446744073709551615n,
      bytes: '3q2+7w==',
      ratio: 'NaN',
      list: [1n, 'Infinity'],
    });
  });

  it("keeps only the trace's own logs, earliest first, and counts what the caps leave out", () => {
    const logs = [
      sampleLog({ timeUnixNano: ROOT.startTimeUnixNano + 30n, body: 'third' }),
      sampleLog({ timeUnixNano: ROOT.startTimeUnixNano - 10n, body: 'first' }),
      sampleLog({ traceId: '5cf92f3577b34da6a3ce929d0e0e4737', body: 'another trace' }),
      sampleLog({ timeUnixNano: ROOT.startTimeUnixNano + 20n, body: 'second' }),
    ];
    const trace = compactTrace(TRACE_ID, [CHILD, ROOT], { logs, maxSpans: 1, maxLogs: 2 });
    expect(trace.spans.map((span) => span.spanId)).toEqual(['aaaaaaaaaaaaaaa1']);
    expect(trace.logs.map((log) => [log.body, log.offsetNs])).toEqual([
      ['first', -10],
      ['second', 20],
    ]);
    expect(trace).toMatchObject({ omittedSpans: 1, omittedLogs: 1 });
  });

  it('starts at the first log when no span arrived', () => {
    const trace = compactTrace(TRACE_ID, [], { logs: [sampleLog()] });
    expect(trace).toMatchObject({ startTimeUnixNano: '1700000000150000000', spans: [], logs: [{ offsetNs: 0 }] });
  });

  it.each([
    ['ABC', {}, 'traceId must be 32 lowercase hex characters, got "ABC"'],
    [TRACE_ID, { maxSpans: -1 }, 'maxSpans must be a non-negative integer, got -1'],
    [TRACE_ID, { maxLogs: 1.5 }, 'maxLogs must be a non-negative integer, got 1.5'],
    [TRACE_ID, { redact: 'token' }, 'redact must be a RegExp or false'],
  ])('refuses trace id %p with %p', (traceId, options, message) => {
    const compact = () => compactTrace(traceId, [ROOT], options as never);
    expect(compact).toThrow(InvalidArgumentError);
    expect(compact).toThrow(`tracegate.compactTrace(): ${message}`);
  });
});
