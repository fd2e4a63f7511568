import type { SpanRecord } from '../../model/span.js';
import { compareSpans, primaryRecord } from '../span-order.js';

/** The spans that name one parent span id; sorted lazily, when a tree is read. */
export interface ChildGroup {
  readonly spans: SpanRecord[];
  sorted: boolean;
}

/** Spans of one trace by span id: one record, or several when an id is reused with other kinds. */
export type RecordsById = Map<string, SpanRecord | SpanRecord[]>;

/** Adds a span to the group of its parent id, keeping the sorted flag while spans arrive in canonical order. */
export function addToGroup(groups: Map<string, ChildGroup>, span: SpanRecord): void {
  const group = groups.get(span.parentSpanId);
  if (group === undefined) {
    groups.set(span.parentSpanId, { spans: [span], sorted: true });
    return;
  }
  const last = group.spans[group.spans.length - 1]!;
  if (group.sorted && compareSpans(last, span) > 0) group.sorted = false;
  group.spans.push(span);
}

/** The group's spans in canonical order. */
export function sortedSpans(group: ChildGroup): readonly SpanRecord[] {
  if (!group.sorted) {
    group.spans.sort(compareSpans);
    group.sorted = true;
  }
  return group.spans;
}

/** The record children and links attach to for a span id, or undefined when no span has that id. */
export function primaryOf(records: RecordsById, spanId: string): SpanRecord | undefined {
  const stored = records.get(spanId);
  return Array.isArray(stored) ? primaryRecord(stored) : stored;
}

/** True when `span` is the record its span id's children attach to. */
export function isPrimary(records: RecordsById, span: SpanRecord): boolean {
  const stored = records.get(span.spanId);
  return stored === span || (Array.isArray(stored) && primaryRecord(stored) === span);
}
