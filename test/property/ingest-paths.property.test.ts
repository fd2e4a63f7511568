import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { packSpanBatch, unpackSpanBatch } from '../../harness/collect/otlp/_internals/span-batch-wire.js';
import { stageRecords } from '../../harness/collect/otlp/_internals/stage-records.js';
import { decodeTracesJson } from '../../harness/collect/otlp/json-traces.js';
import { stageTracesProtobuf } from '../../harness/collect/otlp/protobuf-staged-traces.js';
import { decodeTracesProtobuf } from '../../harness/collect/otlp/protobuf-traces.js';
import { Store } from '../../harness/collect/store.js';
import type { SpanBatch } from '../../harness/collect/span-table/span-batch.js';
import type { AttributeValue, Attributes } from '../../harness/model/attributes.js';
import { SPAN_KINDS } from '../../harness/model/span.js';
import type { Resource, Scope, SpanRecord } from '../../harness/model/span.js';
import { encodeTracesProtobuf, toOtlpJson, toOtlpProtobufRequest } from '../support/otlp-proto.js';

const NUM_RUNS = 150;
const MAX_INT64 = 2n ** 63n - 1n;

// A few ids, some invalid (all zeros, wrong length), so that bodies repeat spans, conflict and get refused.
const traceId = fc.constantFrom(
  '0af7651916cd43dd8448eb211c80319c',
  '4bf92f3577b34da6a3ce929d0e0e4736',
  '00000000000000000000000000000000',
  'abcd',
);
const spanId = fc.constantFrom(
  'b7ad6b7169203331',
  '00f067aa0ba902b7',
  '53995c3f42cd8ad8',
  '0000000000000000',
  'b7ad6b71',
);
const text = fc.string({ unit: 'binary', maxLength: 12 });
const name = fc.constantFrom('GET /api/orders/:id', 'POST', 'http.request.method', '__proto__', '0', 'url.full');
const attributeValue: fc.Arbitrary<AttributeValue> = fc.oneof(
  text,
  fc.boolean(),
  fc.integer(),
  fc.double().filter((value) => !Object.is(value, -0)),
  fc.bigInt({ min: -(MAX_INT64 + 1n), max: MAX_INT64 }).filter((value) => !Number.isSafeInteger(Number(value))),
  fc.uint8Array({ maxLength: 4 }),
  fc.constant(null),
  fc.array(text, { maxLength: 2 }),
  fc.dictionary(name, text, { maxKeys: 2 }),
);
const attributes: fc.Arbitrary<Attributes> = fc
  .uniqueArray(fc.tuple(name, attributeValue), { maxLength: 4, selector: ([key]) => key })
  .map((entries) => {
    const map: Record<string, AttributeValue> = {};
    for (const [key, value] of entries) Object.defineProperty(map, key, { value, enumerable: true, writable: true });
    return map;
  });
const nanos = fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.constantFrom(0n, 2n ** 32n, 2n ** 63n));
const resource: fc.Arbitrary<Resource> = fc
  .constantFrom('api', 'worker')
  .map((serviceName) => ({ serviceName, attributes: { 'service.name': serviceName } }));
const scope: fc.Arbitrary<Scope> = fc.record({
  name: fc.constantFrom('', 'http'),
  version: fc.constant(''),
  attributes: fc.constant({}),
});

const spanContent = fc.record({
  traceId,
  spanId,
  parentSpanId: fc.oneof(fc.constant(''), spanId),
  name,
  kind: fc.constantFrom(...SPAN_KINDS),
  startTimeUnixNano: nanos,
  endTimeUnixNano: nanos,
  status: fc.record({
    code: fc.constantFrom('unset' as const, 'ok' as const, 'error' as const),
    message: fc.constantFrom('', 'boom'),
  }),
  attributes,
  events: fc.array(fc.record({ name, timeUnixNano: nanos, attributes }), { maxLength: 1 }),
  links: fc.array(fc.record({ traceId, spanId, traceState: fc.constant(''), attributes }), { maxLength: 1 }),
  traceFlags: fc.integer({ min: 0, max: 255 }),
  traceState: fc.constantFrom('', 'vendor=1'),
});

const body: fc.Arbitrary<SpanRecord[]> = fc
  .array(fc.tuple(resource, scope, fc.array(spanContent, { maxLength: 5 })), { minLength: 1, maxLength: 2 })
  .map((groups) => groups.flatMap(([r, s, spans]) => spans.map((span) => ({ ...span, resource: r, scope: s }))));

// Bodies as exporters send them, one resent whole (exact duplicates), the rest overlapping by chance.
const bodies = fc.array(body, { minLength: 1, maxLength: 4 }).map((list) => [...list, list[0]!]);

/** A store fed by `ingest`, with a judged trace (late spans) and a listener recording what each batch touched. */
function storeOf(
  list: readonly SpanRecord[][],
  ingest: (store: Store, spans: SpanRecord[]) => readonly string[],
): { store: Store; touched: string[][]; rejected: (readonly string[])[] } {
  const store = new Store();
  store.markJudged(['4bf92f3577b34da6a3ce929d0e0e4736']);
  const touched: string[][] = [];
  store.subscribe((ids) => touched.push([...ids]));
  const rejected = list.map((spans) => {
    const reasons = ingest(store, spans);
    if (reasons.length > 0) store.countRejected('spans', reasons.length);
    return reasons;
  });
  return { store, touched, rejected };
}

function contents(fed: ReturnType<typeof storeOf>) {
  const { store, touched, rejected } = fed;
  return {
    spans: [...store.spans()],
    logs: store.logs(),
    counters: store.counters(),
    findings: store.findings(),
    touched,
    rejected,
  };
}

// What a decode worker does to a body, without the thread: decode, stage, pack, copy across, unpack.
function throughWorkerWire(spans: SpanRecord[]): { batch: SpanBatch; rejected: readonly string[] } {
  const decoded = decodeTracesJson(Buffer.from(JSON.stringify(toOtlpJson(spans))));
  const { wire, transfer } = packSpanBatch(stageRecords(decoded.records));
  return { batch: unpackSpanBatch(structuredClone(wire, { transfer })), rejected: decoded.rejected };
}

describe('ingest paths', () => {
  it('store protobuf bodies directly into the span table exactly as through span records', () => {
    fc.assert(
      fc.property(bodies, (list) => {
        const protobuf = list.map((spans) => encodeTracesProtobuf(toOtlpProtobufRequest(spans)));
        let i = 0;
        const viaRecords = storeOf(list, (store) => {
          const decoded = decodeTracesProtobuf(protobuf[i++]!);
          store.addSpans(decoded.records);
          return decoded.rejected;
        });
        i = 0;
        const direct = storeOf(list, (store) => {
          const staged = stageTracesProtobuf(protobuf[i++]!);
          store.addSpanBatch(staged.batch);
          return staged.rejected;
        });
        expect(contents(direct)).toEqual(contents(viaRecords));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('store JSON bodies decoded by a worker exactly as JSON bodies decoded inline', () => {
    fc.assert(
      fc.property(bodies, (list) => {
        const inline = storeOf(list, (store, spans) => {
          const decoded = decodeTracesJson(Buffer.from(JSON.stringify(toOtlpJson(spans))));
          store.addSpans(decoded.records);
          return decoded.rejected;
        });
        const worker = storeOf(list, (store, spans) => {
          const staged = throughWorkerWire(spans);
          store.addSpanBatch(staged.batch);
          return staged.rejected;
        });
        expect(contents(worker)).toEqual(contents(inline));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
