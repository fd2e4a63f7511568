import { describe, expect, it } from '@jest/globals';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, createTraceState, trace } from '@opentelemetry/api';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { TracegateSpanProcessor } from '../../harness/collect/memory/span-processor.js';
import { startReceiver } from '../../harness/collect/otlp/receiver.js';
import { Store } from '../../harness/collect/store.js';
import type { SpanRecord } from '../../harness/model/span.js';

/** Records a small trace that exercises every field a span record has. */
function recordTrace(provider: BasicTracerProvider): void {
  const tracer = provider.getTracer('parity', '3.1.4');
  const caller = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: '00f067aa0ba902b7',
    traceFlags: 1,
    isRemote: true,
    traceState: createTraceState('tracegate=parity'),
  });
  const server = tracer.startSpan(
    'GET /api/items',
    {
      kind: SpanKind.SERVER,
      startTime: [1_760_000_100, 1],
      attributes: { s: 'x', b: true, i: 7, d: 0.5, ss: ['a'], bs: [false], is: [1, 2], ds: [1.5], gaps: ['y', null] },
      links: [{ context: { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 0 }, attributes: { k: 1 } }],
    },
    caller,
  );
  server.addEvent('cache miss', { key: 'items' }, [1_760_000_100, 500]);
  server.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream timed out' });
  const underServer = trace.setSpan(caller, server);
  for (const kind of [SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER, SpanKind.INTERNAL]) {
    const child = tracer.startSpan(`child ${kind}`, { kind, startTime: [1_760_000_100, 10 + kind] }, underServer);
    if (kind === SpanKind.CLIENT) child.setStatus({ code: SpanStatusCode.OK });
    child.end([1_760_000_100, 900 + kind]);
  }
  server.end([1_760_000_101, 999_999_999]);
}

// The exporters type `compression` as their own enum; its 'gzip' member is the string the wire option takes.
type Compression = NonNullable<NonNullable<ConstructorParameters<typeof ProtoTraceExporter>[0]>['compression']>;
const GZIP = 'gzip' as Compression;

const bySpanId = (a: SpanRecord, b: SpanRecord) => a.spanId.localeCompare(b.spanId);

describe.each([
  ['OTLP/JSON', (url: string): SpanExporter => new JsonTraceExporter({ url })],
  ['OTLP/protobuf with gzip', (url: string): SpanExporter => new ProtoTraceExporter({ url, compression: GZIP })],
])('the in-process processor and the receiver fed by %s', (_wire, exporterFor) => {
  it('store identical records for the same SDK spans', async () => {
    const receiver = await startReceiver();
    const inProcess = new Store();
    try {
      const provider = new BasicTracerProvider({
        resource: resourceFromAttributes({ 'service.name': 'parity-api', 'service.instance.id': 'i-1' }),
        spanProcessors: [
          new TracegateSpanProcessor({ store: inProcess }),
          new BatchSpanProcessor(exporterFor(receiver.tracesUrl)),
        ],
      });
      recordTrace(provider);
      await provider.shutdown();
      await inProcess.flush();

      const viaProcessor = [...inProcess.spans()].sort(bySpanId);
      expect(viaProcessor).toHaveLength(5);
      expect([...receiver.store.spans()].sort(bySpanId)).toEqual(viaProcessor);
    } finally {
      await receiver.close();
    }
  });
});
