import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isSpanId, isTraceId } from '../../harness/model/ids.js';
import { TraceIdSource } from '../../harness/traffic/_internals/trace-id-source.js';
import { baggageProblem } from '../../harness/traffic/w3c/baggage.js';
import { formatTraceparent, parseTraceparent } from '../../harness/traffic/w3c/traceparent.js';
import { tracestateProblem } from '../../harness/traffic/w3c/tracestate.js';
import { spanIdArbitrary, traceIdArbitrary } from '../support/arbitraries.js';

const NUM_RUNS = 300;
const seedArbitrary = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const seqArbitrary = fc.integer({ min: 1, max: 0xffff_ffff });
const hexChars = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF-'), minLength: length, maxLength: length });

describe('traceparent, generated and parsed', () => {
  it('parses back exactly what it formats', () => {
    fc.assert(
      fc.property(traceIdArbitrary(), spanIdArbitrary(), fc.boolean(), (traceId, spanId, sampled) => {
        const parsed = parseTraceparent(formatTraceparent(traceId, spanId, sampled));
        expect(parsed).toEqual({ ok: true, value: { version: '00', traceId, spanId, flags: sampled ? 1 : 0 } });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never throws, and whatever version 00 header it accepts it would write the same way', () => {
    const nearMisses = fc.tuple(hexChars(2), hexChars(32), hexChars(16), hexChars(2)).map((fields) => fields.join('-'));
    fc.assert(
      fc.property(fc.oneof(fc.string(), nearMisses), (header) => {
        const parsed = parseTraceparent(header);
        if (!parsed.ok) {
          expect(parsed.problem.length).toBeGreaterThan(0);
          return;
        }
        expect(isTraceId(parsed.value.traceId) && isSpanId(parsed.value.spanId)).toBe(true);
        if (parsed.value.version === '00') {
          const flags = parsed.value.flags.toString(16).padStart(2, '0');
          expect(`00-${parsed.value.traceId}-${parsed.value.spanId}-${flags}`).toBe(header);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('generates valid, sampled headers whose ids the parser reads back, the same for the same seed', () => {
    fc.assert(
      fc.property(seedArbitrary, seqArbitrary, (seed, seq) => {
        const header = new TraceIdSource(seed).traceparent(seq);
        const { traceId, spanId } = new TraceIdSource(seed).ids(seq);
        expect(parseTraceparent(header)).toEqual({ ok: true, value: { version: '00', traceId, spanId, flags: 1 } });
        expect(new TraceIdSource(seed).traceparent(seq)).toBe(header);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives different requests of one run different trace ids and span ids', () => {
    fc.assert(
      fc.property(seedArbitrary, seqArbitrary, seqArbitrary, (seed, first, second) => {
        fc.pre(first !== second);
        const ids = new TraceIdSource(seed);
        expect(ids.ids(first).traceId).not.toBe(ids.ids(second).traceId);
        expect(ids.ids(first).spanId).not.toBe(ids.ids(second).spanId);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

const KEY_TAIL = 'abcdefghijklmnopqrstuvwxyz0123456789_-*/';
const tracestateKey = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
      fc.string({ unit: fc.constantFrom(...KEY_TAIL), maxLength: 12 }),
    )
    .map(([first, rest]) => first + rest),
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 6 }),
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
      fc.string({ unit: fc.constantFrom(...KEY_TAIL), maxLength: 5 }),
    )
    .map(([tenant, first, rest]) => `${tenant}@${first}${rest}`),
);
// Printable ASCII without "," and "=", not ending in a space.
const tracestateValue = fc
  .string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    minLength: 1,
    maxLength: 12,
  })
  .map((value) => value.replace(/[,=]/g, '_').replace(/ +$/, '') || 'v');
const tracestateArbitrary = fc
  .uniqueArray(fc.tuple(tracestateKey, tracestateValue), { minLength: 1, maxLength: 32, selector: ([key]) => key })
  .map((members) => members.map(([key, value]) => `${key}=${value}`).join(','))
  .filter((header) => header.length <= 512);

describe('tracestate validation', () => {
  it('accepts every list the W3C grammar allows within its limits', () => {
    fc.assert(
      fc.property(tracestateArbitrary, (header) => {
        expect(tracestateProblem(header)).toBeUndefined();
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('rejects a valid list with an uppercase key, a repeated key or a bare word added', () => {
    fc.assert(
      fc.property(tracestateArbitrary, fc.constantFrom('Upper=1', 'repeat', 'bare'), (header, mutation) => {
        const firstMember = header.split(',')[0]!;
        const broken = mutation === 'repeat' ? `${header},${firstMember}` : `${header},${mutation}`;
        fc.pre(broken.length <= 512);
        expect(tracestateProblem(broken)).toBeDefined();
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('baggage validation', () => {
  const token = fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_'),
    minLength: 1,
    maxLength: 10,
  });
  it('accepts any text as a value once percent-encoded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(token, fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 64 }),
        (members) => {
          const header = members.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join(',');
          fc.pre(Buffer.byteLength(header) <= 8192);
          expect(baggageProblem(header)).toBeUndefined();
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('rejects a value with a character baggage does not allow inside it', () => {
    fc.assert(
      fc.property(
        token,
        fc.string({ maxLength: 5 }),
        fc.constantFrom(' ', '"', ';x y', '\\', 'é'),
        (key, value, bad) => {
          expect(baggageProblem(`${key}=v${encodeURIComponent(value)}${bad}z`)).toBeDefined();
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
