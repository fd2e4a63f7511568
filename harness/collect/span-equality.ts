import type { AttributeValue } from '../model/attributes.js';
import type { SpanRecord } from '../model/span.js';

/** Deep equality of two attribute values (bigint, bytes, arrays and kvlists included; NaN equals NaN). */
export function sameValue(a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  // NaN: a resent span with a NaN attribute is the same span, not a conflicting duplicate
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x: AttributeValue, i) => sameValue(x, b[i] as AttributeValue));
  }
  const aMap = a as Readonly<Record<string, AttributeValue>>;
  const bMap = b as Readonly<Record<string, AttributeValue>>;
  const keys = Object.keys(aMap);
  if (keys.length !== Object.keys(bMap).length) return false;
  return keys.every((key) => Object.hasOwn(bMap, key) && sameValue(aMap[key], bMap[key]));
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i]!));
}

/** True when two records with the same identity also carry the same content. */
export function sameSpanContent(a: SpanRecord, b: SpanRecord): boolean {
  return (
    a.parentSpanId === b.parentSpanId &&
    a.name === b.name &&
    a.kind === b.kind &&
    a.startTimeUnixNano === b.startTimeUnixNano &&
    a.endTimeUnixNano === b.endTimeUnixNano &&
    a.status.code === b.status.code &&
    a.status.message === b.status.message &&
    a.traceFlags === b.traceFlags &&
    a.traceState === b.traceState &&
    a.resource.serviceName === b.resource.serviceName &&
    sameValue(a.attributes, b.attributes) &&
    sameList(
      a.events,
      b.events,
      (x, y) => x.name === y.name && x.timeUnixNano === y.timeUnixNano && sameValue(x.attributes, y.attributes),
    ) &&
    sameList(
      a.links,
      b.links,
      (x, y) =>
        x.traceId === y.traceId &&
        x.spanId === y.spanId &&
        x.traceState === y.traceState &&
        sameValue(x.attributes, y.attributes),
    )
  );
}
