import { describe, expect, it } from '@jest/globals';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { StringInterner, sharedInterner } from '../../harness/collect/intern.js';
import { decodeTracesJson } from '../../harness/collect/otlp/json-traces.js';
import { decodeTracesProtobuf } from '../../harness/collect/otlp/protobuf-traces.js';
import { encodeTracesProtobuf, toOtlpJson, toOtlpProtobufRequest } from '../support/otlp-proto.js';
import { sampleSpan } from '../support/otlp-samples.js';

describe('StringInterner', () => {
  it('stores each distinct string once', () => {
    const interner = new StringInterner();
    const name = ['GET', '/api/orders/:id'].join(' ');
    expect(interner.intern(name)).toBe('GET /api/orders/:id');
    expect(interner.intern(`GET /api/orders/${':id'}`)).toBe(name);
    expect(interner.intern('POST /api/orders')).toBe('POST /api/orders');
    expect(interner.size).toBe(2);
  });

  it('returns strings longer than maxLength without storing them', () => {
    const interner = new StringInterner({ maxLength: 8 });
    expect(interner.intern('123456789')).toBe('123456789');
    expect(interner.intern('12345678')).toBe('12345678');
    expect(interner.size).toBe(1);
  });

  it('starts over when full, so unique values cannot grow it without bound', () => {
    const interner = new StringInterner({ maxEntries: 100 });
    for (let i = 0; i < 1_000; i++) expect(interner.intern(`/api/orders/${i}`)).toBe(`/api/orders/${i}`);
    expect(interner.size).toBeLessThanOrEqual(100);
    expect(interner.size).toBeGreaterThan(0);
  });
});

// Retained heap of what `make` returns, measured around full collections.
function retainedBytes(make: () => unknown): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = make();
  gc();
  const after = process.memoryUsage().heapUsed;
  expect(kept).toBeDefined();
  return after - before;
}

describe('decoded spans share repeated strings', () => {
  const SPANS = 2_000;
  const LONG = 100;
  // Five 100-character strings per span: the same ones in every span, or different ones in each. `run` keeps
  // them apart from the strings earlier tests left in the process-wide interner.
  function spans(run: string, repeated: boolean) {
    return Array.from({ length: SPANS }, (_, i) => {
      const text = (tag: string) => (repeated ? `${run}${tag}` : `${run}${tag}${i}`).padEnd(LONG, '.');
      return sampleSpan({
        spanId: (i + 1).toString(16).padStart(16, '0'),
        name: text('name'),
        attributes: { 'user_agent.original': text('ua'), 'http.route': text('route'), 'db.system': text('db') },
        events: [{ name: text('event'), timeUnixNano: 1n, attributes: {} }],
      });
    });
  }

  it.each([
    [
      'JSON',
      (repeated: boolean) => {
        const body = Buffer.from(JSON.stringify(toOtlpJson(spans(`json${repeated}`, repeated))));
        return () => decodeTracesJson(body).records;
      },
    ],
    [
      'protobuf',
      (repeated: boolean) => {
        const body = encodeTracesProtobuf(toOtlpProtobufRequest(spans(`protobuf${repeated}`, repeated)));
        return () => decodeTracesProtobuf(body).records;
      },
    ],
  ])('from %s, keeping one copy instead of one per span', (_, decoder) => {
    const decodeRepeated = decoder(true);
    const decodeDistinct = decoder(false);
    const distinct = retainedBytes(decodeDistinct);
    const repeated = retainedBytes(decodeRepeated);
    // without interning both would retain a copy of each string per span: 5 × 2,000 × 116 bytes
    expect(distinct - repeated).toBeGreaterThan(SPANS * 5 * LONG * 0.8);
  });
});

describe('attribute values in protobuf', () => {
  it('keep unique short values out of the process-wide table while names and keys still go in', () => {
    const spans = Array.from({ length: 500 }, (_, i) =>
      sampleSpan({
        spanId: (i + 1).toString(16).padStart(16, '0'),
        name: 'unique-values-test-name',
        attributes: { 'unique.values.test.key': `unique-value-${i}` },
      }),
    );
    const before = sharedInterner.size;
    const { records } = decodeTracesProtobuf(encodeTracesProtobuf(toOtlpProtobufRequest(spans)));
    expect(records.map((record) => record.attributes['unique.values.test.key'])).toEqual(
      spans.map((span) => span.attributes['unique.values.test.key']),
    );
    // the name and the key (and the sample's few other strings) are added; none of the 500 values
    expect(sharedInterner.size - before).toBeLessThan(50);
    expect(sharedInterner.size - before).toBeGreaterThan(0);
  });
});
