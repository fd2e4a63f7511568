import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { sameSpanContent } from '../../harness/collect/span-equality.js';
import { Store } from '../../harness/collect/store.js';
import type { AttributeValue, Attributes } from '../../harness/model/attributes.js';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import type {
  Resource,
  Scope,
  SpanEvent,
  SpanKind,
  SpanLink,
  SpanRecord,
  SpanStatus,
} from '../../harness/model/span.js';
import { SPAN_KINDS, STATUS_ERROR, STATUS_OK, STATUS_UNSET } from '../../harness/model/span.js';
import { spanIdArbitrary, spanKindArbitrary, traceIdArbitrary } from '../../harness/arbitraries/index.js';

const NUM_RUNS = 250;
// Records are plain objects (fast-check may otherwise make them without a prototype).
const PLAIN = { noNullPrototype: true } as const;
const MAX_UINT64 = 2n ** 64n - 1n;

// Ids the store cannot pack into words (it keeps them as they are): uppercase, short, long, not hex, not ASCII.
const ODD_SPAN_IDS = ['B7AD6B7169203331', 'abc', '00f067aa0ba902b7f', 'g'.repeat(16), 'é'.repeat(16), '0'.repeat(16)];
const ODD_TRACE_IDS = ['', '0AF7651916CD43DD8448EB211C80319C'];

// Keys that would break a careless object builder: prototype and Object.prototype names, integer-like keys
// (enumerated first), code-like text, line separators, the empty key.
const TRICKY_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '0', '7', '4294967295', '', '"); x("'];
const COMMON_KEYS = ['http.route', 'http.request.method', 'url.full', 'server.port', 'messaging.message.id'];
const attributeKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...COMMON_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY_KEYS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant('line\u2028separator') },
);

const numberValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-0, NaN, Infinity, 1.5, 2 ** 31, -(2 ** 31), 2 ** 31 - 1, 2 ** 53),
);

const { attributeValue } = fc.letrec<{ attributeValue: AttributeValue; kvlist: Attributes }>((tie) => ({
  attributeValue: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 20 }),
    fc.boolean(),
    numberValue,
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    fc.uint8Array({ maxLength: 6 }),
    fc.constant(null),
    fc.array(tie('attributeValue'), { maxLength: 3 }),
    tie('kvlist'),
  ),
  kvlist: attributesOf(tie('attributeValue'), 3),
}));

// Object.fromEntries defines `__proto__` as an own key, as the decoders do. toStrictEqual compares two objects'
// `constructor` properties with ===, so an own `constructor` attribute of NaN would fail it on equal maps.
function attributesOf(value: fc.Arbitrary<AttributeValue>, maxLength: number): fc.Arbitrary<Attributes> {
  const entry = fc
    .tuple(attributeKey, value)
    .filter(([key, entryValue]) => key !== 'constructor' || !Number.isNaN(entryValue));
  return fc
    .uniqueArray(entry, { maxLength, selector: ([key]) => key })
    .map((entries): Attributes => (entries.length === 0 ? EMPTY_ATTRIBUTES : Object.fromEntries(entries)));
}

const attributes = attributesOf(attributeValue, 9);

// Times anywhere in unsigned 64 bits, near realistic instants, at the edges, and (rarely) outside the range.
const time = fc.oneof(
  { weight: 4, arbitrary: fc.bigInt({ min: 1_700_000_000_000_000_000n, max: 1_700_000_000_000_000_100n }) },
  { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: MAX_UINT64 }) },
  { weight: 1, arbitrary: fc.constantFrom(0n, MAX_UINT64, -1n, MAX_UINT64 + 1n, -(2n ** 70n)) },
);

const status: fc.Arbitrary<SpanStatus> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(STATUS_UNSET, STATUS_OK, STATUS_ERROR) },
  {
    weight: 1,
    arbitrary: fc.record({ code: fc.constantFrom('unset', 'ok', 'error'), message: fc.string() }, PLAIN),
  },
);

const RESOURCES: readonly Resource[] = [
  { serviceName: 'api', attributes: { 'service.name': 'api', 'process.pid': 4242 } },
  { serviceName: 'worker', attributes: EMPTY_ATTRIBUTES },
];
const SCOPES: readonly Scope[] = [
  { name: '@opentelemetry/instrumentation-http', version: '0.223.1', attributes: EMPTY_ATTRIBUTES },
  { name: 'manual', version: '', attributes: { owner: 'billing' } },
];

interface Pools {
  readonly traceIds: readonly string[];
  readonly spanIds: readonly string[];
}

const pools: fc.Arbitrary<Pools> = fc.record({
  traceIds: fc
    .tuple(fc.uniqueArray(traceIdArbitrary(), { minLength: 1, maxLength: 3 }), fc.subarray(ODD_TRACE_IDS))
    .map(([valid, odd]) => [...valid, ...odd]),
  // Up to 40 ids: traces then grow past the size where the store starts indexing them.
  spanIds: fc
    .tuple(fc.uniqueArray(spanIdArbitrary(), { minLength: 1, maxLength: 40, size: 'max' }), fc.subarray(ODD_SPAN_IDS))
    .map(([valid, odd]) => [...valid, ...odd]),
});

function spanOf({ traceIds, spanIds }: Pools): fc.Arbitrary<SpanRecord> {
  const event: fc.Arbitrary<SpanEvent> = fc.record(
    {
      name: fc.constantFrom('exception', 'retry'),
      timeUnixNano: time,
      attributes,
    },
    PLAIN,
  );
  const link: fc.Arbitrary<SpanLink> = fc.record(
    {
      traceId: fc.constantFrom(...traceIds),
      spanId: fc.constantFrom(...spanIds),
      traceState: fc.constantFrom('', 'vendor=1'),
      attributes,
    },
    PLAIN,
  );
  return fc.record(
    {
      traceId: fc.constantFrom(...traceIds),
      spanId: fc.constantFrom(...spanIds),
      parentSpanId: fc.oneof(fc.constant(''), fc.constantFrom(...spanIds)),
      name: fc.oneof(fc.constantFrom('GET /health', 'orders publish'), fc.string({ maxLength: 12 })),
      kind: spanKindArbitrary(),
      startTimeUnixNano: time,
      endTimeUnixNano: time,
      status,
      attributes,
      events: fc.array(event, { maxLength: 2 }),
      links: fc.array(link, { maxLength: 2 }),
      resource: fc.constantFrom(...RESOURCES),
      scope: fc.constantFrom(...SCOPES),
      traceFlags: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 255 }) }, fc.constantFrom(256, 1.5, -1)),
      traceState: fc.constantFrom('', '', 'vendor=1'),
    },
    PLAIN,
  );
}

/** Spans in arrival order, some of them resent as identical copies, split into batches. */
const arrivals = pools.chain((idPools) =>
  fc
    .record({
      spans: fc.array(spanOf(idPools), { maxLength: 60, size: 'max' }),
      resends: fc.array(fc.nat(), { maxLength: 6 }),
      cuts: fc.array(fc.nat(), { maxLength: 4 }),
    })
    .map(({ spans, resends, cuts }) => {
      const all = [...spans];
      for (const pick of resends) if (spans.length > 0) all.push({ ...spans[pick % spans.length]! });
      const points = [...new Set(cuts.map((cut) => cut % (all.length + 1)))].sort((a, b) => a - b);
      const batches: SpanRecord[][] = [];
      let from = 0;
      for (const point of [...points, all.length]) {
        batches.push(all.slice(from, point));
        from = point;
      }
      return batches;
    }),
);

interface FindingSummary {
  readonly level: string;
  readonly code: string;
  readonly traceId?: string;
  readonly spanId?: string;
}

/** What the store must do, written as plainly as possible: keep the first copy of each (trace, span, kind). */
class ReferenceStore {
  readonly firstCopies = new Map<string, SpanRecord>();
  readonly traces = new Map<string, SpanRecord[]>();
  readonly findings: FindingSummary[] = [];
  received = 0;
  duplicates = 0;

  add(batch: readonly SpanRecord[]): number {
    let stored = 0;
    for (const span of batch) {
      this.received++;
      const key = JSON.stringify([span.traceId, span.spanId, span.kind]);
      const first = this.firstCopies.get(key);
      if (first !== undefined) {
        this.duplicates++;
        if (!sameSpanContent(first, span)) this.#finding('error', 'span.duplicate-conflict', span);
        continue;
      }
      this.firstCopies.set(key, span);
      const trace = this.traces.get(span.traceId) ?? [];
      trace.push(span);
      this.traces.set(span.traceId, trace);
      stored++;
      if (span.endTimeUnixNano < span.startTimeUnixNano) this.#finding('warn', 'span.negative-duration', span);
    }
    return stored;
  }

  /** The record of an id with several kinds that SPAN_KINDS ranks first. */
  primary(traceId: string, spanId: string): SpanRecord | undefined {
    const sameId = (this.traces.get(traceId) ?? []).filter((span) => span.spanId === spanId);
    return sameId.sort((a, b) => SPAN_KINDS.indexOf(a.kind) - SPAN_KINDS.indexOf(b.kind))[0];
  }

  #finding(level: string, code: string, span: SpanRecord): void {
    this.findings.push({ level, code, traceId: span.traceId, spanId: span.spanId });
  }
}

describe('Store (property)', () => {
  it('returns every span deep-equal to its first copy, with the dedup outcomes and findings of a plain model', () => {
    fc.assert(
      fc.property(arrivals, (batches) => {
        const store = new Store();
        const reference = new ReferenceStore();
        for (const batch of batches) expect(store.addSpans(batch)).toBe(reference.add(batch));

        const stored = [...reference.traces.values()].flat();
        expect(store.counters()).toMatchObject({
          spansReceived: reference.received,
          spansStored: stored.length,
          spansDuplicate: reference.duplicates,
          traces: reference.traces.size,
        });
        expect(store.findings().map(({ level, code, traceId, spanId }) => ({ level, code, traceId, spanId }))).toEqual(
          reference.findings,
        );
        expect([...store.traceIds()]).toEqual([...reference.traces.keys()]);
        expect([...store.spans()]).toStrictEqual(stored);
        for (const [traceId, spans] of reference.traces) {
          expect(store.hasTrace(traceId)).toBe(true);
          expect(store.trace(traceId)).toStrictEqual(spans);
          for (const span of spans) {
            expect(store.span(traceId, span.spanId, span.kind)).toStrictEqual(span);
            expect(store.span(traceId, span.spanId)).toStrictEqual(reference.primary(traceId, span.spanId));
          }
        }
        for (const key of ['ffffffffffffffff', 'FFFFFFFFFFFFFFFF', '']) {
          const [traceId] = [...reference.traces.keys()];
          if (traceId !== undefined && reference.primary(traceId, key) === undefined) {
            expect(store.span(traceId, key)).toBeUndefined();
          }
        }
        const kinds = new Set<SpanKind>(stored.map((span) => span.kind));
        for (const span of stored.slice(0, 3)) {
          for (const kind of SPAN_KINDS.filter((other) => !kinds.has(other))) {
            expect(store.span(span.traceId, span.spanId, kind)).toBeUndefined();
          }
        }
        expect(store.trace('f'.repeat(32))).toEqual([]);
        expect(store.hasTrace('f'.repeat(32))).toBe(false);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
