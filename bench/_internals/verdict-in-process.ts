import type { Context, Tracer } from '@opentelemetry/api';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { TracegateSpanProcessor } from '../../harness/collect/memory/span-processor.js';
import { Store } from '../../harness/collect/store.js';
import type { TimedVerdict } from './verdict-judge.js';
import { judgeWhenComplete } from './verdict-judge.js';
import { injectedIds, requestRecord } from './verdict-requests.js';

/** Requests handled per macrotask: the in-process service interleaves them as a server would. */
const REQUESTS_PER_TICK = 50;

function tracerOf(service: string, store: Store): Tracer {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new TracegateSpanProcessor({ store })],
  });
  return provider.getTracer('verdict-bench');
}

/** Runs `requests` requests through in-process services recording into TracegateSpanProcessor; times the verdict. */
export async function inProcessTimeToVerdict(requests: number): Promise<TimedVerdict> {
  const store = new Store();
  const api = tracerOf('api', store);
  const worker = tracerOf('worker', store);
  const billing = tracerOf('billing', store);
  const records = Array.from({ length: requests }, (_, i) => requestRecord(i + 1));
  const verdict = judgeWhenComplete(store, records);
  const chain: readonly [Tracer, string, SpanKind][] = [
    [api, 'POST /api/checkout', SpanKind.SERVER],
    [api, 'reserveStock', SpanKind.INTERNAL],
    [api, 'payment.requested publish', SpanKind.PRODUCER],
    [worker, 'payment.requested process', SpanKind.CONSUMER],
    [worker, 'POST', SpanKind.CLIENT],
    [billing, 'POST /v1/charges', SpanKind.SERVER],
  ];
  for (let seq = 1; seq <= requests; seq++) {
    const { traceId, spanId } = injectedIds(seq);
    const failing = records[seq - 1]!.status! >= 500;
    let context: Context = trace.setSpanContext(ROOT_CONTEXT, {
      traceId,
      spanId,
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    });
    const open = chain.map(([tracer, name, kind], position) => {
      const span = tracer.startSpan(name, { kind }, context);
      const status = failing && (position === 0 || position === 5) ? 502 : 200;
      if (kind === SpanKind.SERVER || kind === SpanKind.CLIENT) span.setAttribute('http.response.status_code', status);
      if (status >= 500) {
        span.recordException(new Error(`charge ${seq} declined`));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      context = trace.setSpan(context, span);
      return span;
    });
    for (let i = open.length - 1; i >= 0; i--) open[i]!.end();
    if (seq % REQUESTS_PER_TICK === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return verdict;
}
