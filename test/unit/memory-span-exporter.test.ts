import { describe, expect, it } from '@jest/globals';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ErrorCode } from '../../harness/errors.js';
import { Store } from '../../harness/collect/store.js';
import { TracegateSpanExporter } from '../../harness/collect/memory/span-exporter.js';

type ExportResult = Parameters<Parameters<TracegateSpanExporter['export']>[1]>[0];

/** Real SDK spans, ended and collected, ready to hand to an exporter. */
function endedSpans(names: string[]): ReadableSpan[] {
  const collected = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(collected)] });
  const tracer = provider.getTracer('exporter-test');
  for (const name of names) tracer.startSpan(name).end();
  return collected.getFinishedSpans();
}

function exportNow(exporter: TracegateSpanExporter, spans: ReadableSpan[]): ExportResult {
  let result: ExportResult | undefined;
  exporter.export(spans, (r) => (result = r));
  if (result === undefined) throw new Error('export did not report a result');
  return result;
}

describe('TracegateSpanExporter', () => {
  it('stores exported spans and reports success', () => {
    const store = new Store();
    const spans = endedSpans(['a', 'b']);
    expect(exportNow(new TracegateSpanExporter({ store }), spans)).toEqual({ code: 0 });
    expect([...store.spans()].map((s) => s.name).sort()).toEqual(['a', 'b']);
  });

  it('works as the exporter of a SimpleSpanProcessor', async () => {
    const store = new Store();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(new TracegateSpanExporter({ store }))],
    });
    const span = provider.getTracer('t').startSpan('through the pipeline');
    span.end();
    await provider.forceFlush();
    expect(store.trace(span.spanContext().traceId).map((s) => s.name)).toEqual(['through the pipeline']);
  });

  it('reports failure naming a span with an unusable id, and still stores the others', () => {
    const store = new Store();
    const [good, bad] = endedSpans(['good', 'bad']);
    const zeroIds: ReadableSpan = {
      ...bad!,
      spanContext: () => ({ ...bad!.spanContext(), spanId: '0000000000000000' }),
    };
    const result = exportNow(new TracegateSpanExporter({ store }), [good!, zeroIds]);
    expect(result.code).toBe(1);
    expect(result.error).toMatchObject({ code: ErrorCode.InvalidArgument });
    expect(result.error?.message).toBe(
      'TracegateSpanExporter: refused 1 of 2 spans; first: span "bad": span id "0000000000000000" is all zeros',
    );
    expect([...store.spans()].map((s) => s.name)).toEqual(['good']);
    expect(store.counters().spansRejected).toBe(1);
    expect(store.findings()).toEqual([expect.objectContaining({ code: 'span.rejected', level: 'error' })]);
  });

  it('reports failure instead of throwing when a span cannot be read at all', () => {
    const store = new Store();
    const broken = {
      name: 'broken',
      spanContext: () => {
        throw new Error('context unavailable');
      },
    } as unknown as ReadableSpan;
    let result: ExportResult | undefined;
    expect(() => new TracegateSpanExporter({ store }).export([broken], (r) => (result = r))).not.toThrow();
    expect(result?.code).toBe(1);
    expect(result?.error?.message).toContain('span "broken": context unavailable');
  });

  it('reports failure instead of throwing when the store refuses the batch', () => {
    const store = new Store();
    store.subscribe(() => {
      throw new Error('listener exploded');
    });
    const result = exportNow(new TracegateSpanExporter({ store }), endedSpans(['x']));
    expect(result.code).toBe(1);
    expect(result.error?.message).toBe('listener exploded');
  });

  it('refuses exports after shutdown with a closed error and counts the spans', async () => {
    const store = new Store();
    const exporter = new TracegateSpanExporter({ store });
    await exporter.shutdown();
    const result = exportNow(exporter, endedSpans(['late', 'later']));
    expect(result.code).toBe(1);
    expect(result.error).toMatchObject({ code: ErrorCode.Closed });
    expect(result.error?.message).toBe('TracegateSpanExporter: 2 spans exported after shutdown were not stored');
    expect(store.counters()).toMatchObject({ spansStored: 0, spansRejected: 2 });
  });
});
