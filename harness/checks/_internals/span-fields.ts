import { RowSpan } from '../../collect/span-table/row-span.js';
import type { AttributeValue } from '../../model/attributes.js';
import type { SpanRecord } from '../../model/span.js';

/** `span.attributes[key]` for a fixed own key; a span read in place answers without building its attribute map. */
export function attributeOf(span: SpanRecord, key: string): AttributeValue | undefined {
  return span instanceof RowSpan ? span.attribute(key) : span.attributes[key];
}

/** -1, 0 or 1 as the span ends before, at or after its start. */
export function endVersusStart(span: SpanRecord): number {
  if (span instanceof RowSpan) return span.endVersusStart();
  const { startTimeUnixNano: start, endTimeUnixNano: end } = span;
  return end < start ? -1 : end === start ? 0 : 1;
}

/** True when the span's end time is 0: it never ended. */
export function isUnended(span: SpanRecord): boolean {
  return span instanceof RowSpan ? span.isUnended() : span.endTimeUnixNano === 0n;
}
