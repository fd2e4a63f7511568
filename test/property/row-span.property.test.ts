import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { RowSpan } from '../../harness/collect/span-table/row-span.js';
import { Store } from '../../harness/collect/store.js';
import { RowForest } from '../../harness/forest/row-forest.js';
import type { SpanRecord } from '../../harness/model/span.js';
import { spanForestArbitrary } from '../support/arbitraries.js';

// Times and ids a row cannot hold (kept in the row's extras), besides the arbitrary's own spans.
function oddities(spans: readonly SpanRecord[], picks: readonly number[]): SpanRecord[] {
  return spans.map((span, i) => {
    switch (picks[i % picks.length]) {
      case 1:
        return { ...span, endTimeUnixNano: 0n };
      case 2:
        return { ...span, endTimeUnixNano: span.startTimeUnixNano - 1n };
      case 3:
        return { ...span, startTimeUnixNano: -5n };
      case 4:
        return { ...span, traceFlags: 0x1ff, traceState: 'k=v' };
      default:
        return span;
    }
  });
}

const FIELDS = [
  'traceId',
  'spanId',
  'parentSpanId',
  'name',
  'kind',
  'startTimeUnixNano',
  'endTimeUnixNano',
  'status',
  'attributes',
  'events',
  'links',
  'resource',
  'scope',
  'traceFlags',
  'traceState',
] as const;

describe('RowSpan', () => {
  it('reads every field as the stored record has it', () => {
    let inPlace = 0;
    fc.assert(
      fc.property(spanForestArbitrary(), fc.array(fc.nat({ max: 6 }), { minLength: 1 }), (spans, picks) => {
        const store = new Store();
        store.addSpans(oddities(spans, picks));
        for (const tree of new RowForest(store).values()) {
          for (const node of tree.walk()) {
            const span = node.span;
            const stored = store.span(span.traceId, span.spanId, span.kind)!;
            for (const field of FIELDS) expect([field, span[field]]).toEqual([field, stored[field]]);
            if (!(span instanceof RowSpan)) continue;
            inPlace++;
            expect(span.toJSON()).toEqual(stored);
            expect(span.attributeKeys()).toEqual(Object.keys(stored.attributes));
            for (const key of [...Object.keys(stored.attributes), 'absent.key']) {
              expect(span.attribute(key)).toEqual(stored.attributes[key]);
            }
            expect(span.isUnended()).toBe(stored.endTimeUnixNano === 0n);
            const end = stored.endTimeUnixNano;
            const start = stored.startTimeUnixNano;
            expect(span.endVersusStart()).toBe(end < start ? -1 : end === start ? 0 : 1);
          }
        }
      }),
      { numRuns: 200 },
    );
    // Spans were read in place, not only through the record path of odd traces.
    expect(inPlace).toBeGreaterThan(200);
  });
});
