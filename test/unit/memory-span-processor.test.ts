import { describe, expect, it } from '@jest/globals';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, createTraceState, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SamplingDecision } from '@opentelemetry/sdk-trace-base';
import type { IdGenerator } from '@opentelemetry/sdk-trace-base';
import { ErrorCode } from '../../harness/errors.js';
import { Store } from '../../harness/collect/store.js';
import { sharedStore } from '../../harness/collect/shared-store.js';
import { TracegateSpanProcessor } from '../../harness/collect/memory/span-processor.js';
import type { SpanRecord } from '../../harness/model/span.js';

const TRACE_ID = '0AF7651916CD43DD8448EB211C80319C';
const REMOTE_PARENT_ID = 'B7AD6B7169203331';
const LINKED_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const LINKED_SPAN_ID = '00f067aa0ba902b7';

/** Hands out fixed upper-case ids, so the test can see them lowercased. */
function fixedIds(spanIds: string[]): IdGenerator {
  return {
    generateTraceId: () => TRACE_ID,
    generateSpanId: () => spanIds.shift() ?? 'FFFFFFFFFFFFFFFF',
  };
}

function providerWith(processor: TracegateSpanProcessor, spanIds: string[] = ['AAAAAAAAAAAAAAA1', 'AAAAAAAAAAAAAAA2']) {
  return new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'checkout', 'deployment.environment': 'test', 'host.cpus': 2 }),
    idGenerator: fixedIds(spanIds),
    spanProcessors: [processor],
  });
}

describe('TracegateSpanProcessor', () => {
  it('converts every field of an SDK span exactly', async () => {
    const store = new Store();
    const provider = providerWith(new TracegateSpanProcessor({ store }));
    const tracer = provider.getTracer('checkout-lib', '1.2.3');
    const remoteParent = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: TRACE_ID,
      spanId: REMOTE_PARENT_ID,
      traceFlags: 1,
      isRemote: true,
      traceState: createTraceState('vendor=opaque,other=1'),
    });
    const span = tracer.startSpan(
      'POST /api/checkout',
      {
        kind: SpanKind.SERVER,
        startTime: [1_700_000_000, 123_456_789],
        attributes: {
          'http.route': '/api/checkout',
          'retry.allowed': false,
          'http.status_code': 502,
          'queue.fill': 0.25,
          tags: ['a', 'b'],
          flags: [true, false],
          sizes: [1, 2, 3],
          ratios: [0.5, 1.5],
          gaps: ['x', null, undefined],
        },
        links: [
          {
            context: {
              traceId: LINKED_TRACE_ID,
              spanId: LINKED_SPAN_ID,
              traceFlags: 0,
              traceState: createTraceState('linked=yes'),
            },
            attributes: { 'messaging.message.id': 'm-1' },
          },
          { context: { traceId: LINKED_TRACE_ID, spanId: '00f067aa0ba902b8', traceFlags: 1 } },
        ],
      },
      remoteParent,
    );
    span.addEvent(
      'exception',
      { 'exception.type': 'BillingError', 'exception.escaped': true },
      [1_700_000_000, 999_999_999],
    );
    span.addEvent('retry', [1_700_000_001, 1]);
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'billing provider answered 502' });
    span.end([1_700_000_002, 7]);
    await store.flush();

    const expected: SpanRecord = {
      traceId: TRACE_ID.toLowerCase(),
      spanId: 'aaaaaaaaaaaaaaa1',
      parentSpanId: REMOTE_PARENT_ID.toLowerCase(),
      name: 'POST /api/checkout',
      kind: 'server',
      startTimeUnixNano: 1_700_000_000_123_456_789n,
      endTimeUnixNano: 1_700_000_002_000_000_007n,
      status: { code: 'error', message: 'billing provider answered 502' },
      attributes: {
        'http.route': '/api/checkout',
        'retry.allowed': false,
        'http.status_code': 502,
        'queue.fill': 0.25,
        tags: ['a', 'b'],
        flags: [true, false],
        sizes: [1, 2, 3],
        ratios: [0.5, 1.5],
        gaps: ['x', null, null],
      },
      events: [
        {
          name: 'exception',
          timeUnixNano: 1_700_000_000_999_999_999n,
          attributes: { 'exception.type': 'BillingError', 'exception.escaped': true },
        },
        { name: 'retry', timeUnixNano: 1_700_000_001_000_000_001n, attributes: {} },
      ],
      links: [
        {
          traceId: LINKED_TRACE_ID,
          spanId: LINKED_SPAN_ID,
          traceState: 'linked=yes',
          attributes: { 'messaging.message.id': 'm-1' },
        },
        { traceId: LINKED_TRACE_ID, spanId: '00f067aa0ba902b8', traceState: '', attributes: {} },
      ],
      resource: {
        serviceName: 'checkout',
        attributes: { 'service.name': 'checkout', 'deployment.environment': 'test', 'host.cpus': 2 },
      },
      scope: { name: 'checkout-lib', version: '1.2.3', attributes: {} },
      traceFlags: 1,
      traceState: 'vendor=opaque,other=1',
    };
    expect(store.trace(TRACE_ID.toLowerCase())).toStrictEqual([expected]);
  });

  it('maps every kind and status, keeps children under their parent, and falls back to unknown_service', async () => {
    const store = new Store();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'team.name': 'payments' }),
      spanProcessors: [new TracegateSpanProcessor({ store })],
    });
    const tracer = provider.getTracer('kinds');
    const root = tracer.startSpan('root');
    const underRoot = trace.setSpan(ROOT_CONTEXT, root);
    const kinds = [SpanKind.INTERNAL, SpanKind.SERVER, SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER];
    for (const kind of kinds) tracer.startSpan(`kind ${kind}`, { kind }, underRoot).end();
    root.setStatus({ code: SpanStatusCode.OK });
    root.end();
    await store.flush();

    const rootId = root.spanContext().spanId;
    const spans = store.trace(root.spanContext().traceId);
    expect(spans.map((s) => [s.name, s.kind, s.parentSpanId])).toEqual([
      ['kind 0', 'internal', rootId],
      ['kind 1', 'server', rootId],
      ['kind 2', 'client', rootId],
      ['kind 3', 'producer', rootId],
      ['kind 4', 'consumer', rootId],
      ['root', 'internal', ''],
    ]);
    expect(spans.map((s) => s.status.code)).toEqual(['unset', 'unset', 'unset', 'unset', 'unset', 'ok']);
    expect(spans[5]!.resource).toEqual({ serviceName: 'unknown_service', attributes: { 'team.name': 'payments' } });
    expect(spans[5]!.scope).toEqual({ name: 'kinds', version: '', attributes: {} });
    // One Resource object per SDK resource, as spans of one OTLP batch share theirs.
    expect(spans[0]!.resource).toBe(spans[5]!.resource);
  });

  it('buffers ended spans until a reader flushes the store', async () => {
    const store = new Store();
    const provider = providerWith(new TracegateSpanProcessor({ store }));
    provider.getTracer('t').startSpan('buffered').end();
    const traceId = TRACE_ID.toLowerCase();
    expect(store.hasTrace(traceId)).toBe(false);
    const flushed = store.flush();
    // The flush drains the buffer as it is called, before any reader awaiting it could look.
    expect(store.hasTrace(traceId)).toBe(true);
    await flushed;
    expect(store.trace(traceId).map((s) => s.name)).toEqual(['buffered']);
  });

  it('delivers ended spans to store listeners without an explicit flush', async () => {
    const store = new Store();
    const provider = providerWith(new TracegateSpanProcessor({ store }));
    const touched = new Promise<ReadonlySet<string>>((resolve) => store.subscribe(resolve));
    const tracer = provider.getTracer('t');
    tracer.startSpan('first').end();
    tracer.startSpan('second').end();
    expect([...(await touched)]).toEqual([TRACE_ID.toLowerCase()]);
    expect(store.counters().spansStored).toBe(2);
  });

  it('writes into the shared store by default', async () => {
    const processor = new TracegateSpanProcessor();
    expect(processor.store).toBe(sharedStore());
    const span = providerWith(processor).getTracer('t').startSpan('default store');
    span.end();
    await sharedStore().flush();
    expect(sharedStore().trace(span.spanContext().traceId.toLowerCase())).toHaveLength(1);
  });

  it('stores a span that is recorded but not sampled, with trace flags 0', async () => {
    const store = new Store();
    const recordOnly = { shouldSample: () => ({ decision: SamplingDecision.RECORD }), toString: () => 'record-only' };
    const provider = new BasicTracerProvider({
      sampler: recordOnly,
      spanProcessors: [new TracegateSpanProcessor({ store })],
    });
    const span = provider.getTracer('t').startSpan('recorded, not sampled');
    span.end();
    await store.flush();
    expect(store.trace(span.spanContext().traceId)).toEqual([expect.objectContaining({ traceFlags: 0 })]);
  });

  it('refuses a store option that is not a store, naming the option', () => {
    const notAStore = {} as unknown as Store;
    expect(() => new TracegateSpanProcessor({ store: notAStore })).toThrow(
      expect.objectContaining({
        code: ErrorCode.InvalidArgument,
        message:
          'new TracegateSpanProcessor(): store must be a tracegate Store, got an object without addSpans/registerFlusher',
      }),
    );
  });

  it('drains on shutdown, then detaches and counts spans that end afterwards as rejected', async () => {
    const store = new Store();
    const provider = providerWith(new TracegateSpanProcessor({ store }));
    const tracer = provider.getTracer('t');
    const late = tracer.startSpan('ends after shutdown');
    tracer.startSpan('ends before shutdown').end();
    await provider.shutdown();
    expect(store.trace(TRACE_ID.toLowerCase()).map((s) => s.name)).toEqual(['ends before shutdown']);
    late.end();
    await store.flush();
    expect(store.counters()).toMatchObject({ spansStored: 1, spansRejected: 1 });
  });
});
