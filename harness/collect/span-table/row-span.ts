import type { AttributeValue, Attributes } from '../../model/attributes.js';
import type { Resource, Scope, SpanEvent, SpanKind, SpanLink, SpanRecord, SpanStatus } from '../../model/span.js';
import { NO_EVENTS, NO_LINKS, SPAN_KINDS, STATUS_ERROR, STATUS_OK, STATUS_UNSET } from '../../model/span.js';
import { VERBATIM_SHAPE } from './attribute-shapes.js';
import { wordsToHex } from './hex-words.js';
import { readRow } from './read-row.js';
import * as rowLayout from './span-rows.js';
import type { TableParts } from './table-parts.js';
import { slot } from './value-store.js';

// Module-local copies of imported bindings: where a loader compiles modules to CommonJS (tsx does), every read of
// an imported binding is a getter call, and these are read for every span.
const {
  BITS,
  END_SLOT,
  HAS_EXTRAS,
  HAS_PARENT,
  ODD_SPAN_ID,
  ORIGIN,
  PARENT_HIGH,
  PARENT_LOW,
  SHAPE,
  SPAN_HIGH,
  SPAN_LOW,
  START_SLOT,
  STATUS_SHIFT,
  TRACE,
  TRACE_FLAGS_SHIFT,
  VALUES_AT,
  base,
} = rowLayout;

const SHARED_STATUS: readonly SpanStatus[] = [STATUS_UNSET, STATUS_OK, STATUS_ERROR];
// Which word of a 64-bit time slot holds its high half: the word and 64-bit views share the platform's byte order.
const HIGH_HALF = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * One stored span read in place: a SpanRecord whose fields are read from its packed row when asked, so a reader
 * that looks at a few fields of a million spans builds no attribute map, id string or time it does not read.
 * Rows never change once written, so the view stays valid while the table grows. A row with extras (events,
 * links, odd ids or times) answers from one full record, read once.
 */
export class RowSpan implements SpanRecord {
  readonly row: number;
  readonly #parts: TableParts;
  #spanId: string | undefined;
  #full: SpanRecord | undefined;

  constructor(parts: TableParts, row: number) {
    this.#parts = parts;
    this.row = row;
  }

  #words(): Int32Array {
    return this.#parts.rows.chunk(this.row).words;
  }

  #bits(): number {
    return this.#words()[base(this.row) + BITS]!;
  }

  /** The full record; rows with extras answer every field from it. */
  #record(): SpanRecord {
    return (this.#full ??= readRow(this.#parts, this.row));
  }

  #hasExtras(): boolean {
    return (this.#bits() & HAS_EXTRAS) !== 0;
  }

  get traceId(): string {
    return this.#parts.traces.ids[this.#words()[base(this.row) + TRACE]!]!;
  }

  get spanId(): string {
    if (this.#spanId !== undefined) return this.#spanId;
    const words = this.#words();
    const at = base(this.row);
    this.#spanId = this.#hasExtras()
      ? this.#record().spanId
      : wordsToHex(words[at + SPAN_HIGH]!, words[at + SPAN_LOW]!);
    return this.#spanId;
  }

  get parentSpanId(): string {
    if (this.#hasExtras()) return this.#record().parentSpanId;
    const words = this.#words();
    const at = base(this.row);
    return (words[at + BITS]! & HAS_PARENT) === 0 ? '' : wordsToHex(words[at + PARENT_HIGH]!, words[at + PARENT_LOW]!);
  }

  get name(): string {
    const valuesAt = this.#words()[base(this.row) + VALUES_AT]!;
    return this.#parts.values.chunk(valuesAt)[slot(valuesAt)] as string;
  }

  get kind(): SpanKind {
    return SPAN_KINDS[this.#bits() & 7]!;
  }

  get startTimeUnixNano(): bigint {
    if (this.#hasExtras()) return this.#record().startTimeUnixNano;
    return this.#parts.rows.chunk(this.row).times[(base(this.row) >>> 1) + START_SLOT]!;
  }

  get endTimeUnixNano(): bigint {
    if (this.#hasExtras()) return this.#record().endTimeUnixNano;
    return this.#parts.rows.chunk(this.row).times[(base(this.row) >>> 1) + END_SLOT]!;
  }

  get status(): SpanStatus {
    if (this.#hasExtras()) return this.#record().status;
    return SHARED_STATUS[(this.#bits() >>> STATUS_SHIFT) & 3]!;
  }

  /** 0 unset, 1 ok, 2 error. */
  get statusIndex(): number {
    return (this.#bits() >>> STATUS_SHIFT) & 3;
  }

  get attributes(): Attributes {
    return this.#record().attributes;
  }

  /** One attribute's value (`attributes[key]` for an own key), read without building the map. */
  attribute(key: string): AttributeValue | undefined {
    const words = this.#words();
    const at = base(this.row);
    const shapeId = words[at + SHAPE]!;
    const valuesAt = words[at + VALUES_AT]!;
    const values = this.#parts.values.chunk(valuesAt);
    if (shapeId === VERBATIM_SHAPE) {
      const map = values[slot(valuesAt) + 1] as Attributes;
      return Object.hasOwn(map, key) ? map[key] : undefined;
    }
    // The last place of a key, as the built map keeps the last of repeated keys' values.
    const index = this.#parts.shapes.byId(shapeId).keys().lastIndexOf(key);
    return index === -1 ? undefined : (values[slot(valuesAt) + 1 + index] as AttributeValue);
  }

  /** The attribute keys in order (shared by every span of the same shape: do not change it). */
  attributeKeys(): readonly string[] {
    const shapeId = this.#words()[base(this.row) + SHAPE]!;
    return shapeId === VERBATIM_SHAPE ? Object.keys(this.attributes) : this.#parts.shapes.byId(shapeId).keys();
  }

  /** The attribute shape id: spans with the same id have the same keys (except the verbatim shape, 1). */
  get shapeId(): number {
    return this.#words()[base(this.row) + SHAPE]!;
  }

  /** True when this span's id is the 16-digit id with these words (signed, high first). */
  hasSpanId(high: number, low: number): boolean {
    const words = this.#words();
    const at = base(this.row);
    // An odd id (kept in the extras) is never 16 lowercase hex digits.
    if ((words[at + BITS]! & ODD_SPAN_ID) !== 0) return false;
    return words[at + SPAN_HIGH] === high && words[at + SPAN_LOW] === low;
  }

  /** -1, 0 or 1 as the end time is before, at or after the start time; compared without making bigints. */
  endVersusStart(): number {
    if (this.#hasExtras()) {
      const { startTimeUnixNano: start, endTimeUnixNano: end } = this.#record();
      return end < start ? -1 : end === start ? 0 : 1;
    }
    const words = this.#words();
    const at = base(this.row);
    const endHigh = words[at + END_SLOT * 2 + HIGH_HALF]! >>> 0;
    const startHigh = words[at + START_SLOT * 2 + HIGH_HALF]! >>> 0;
    if (endHigh !== startHigh) return endHigh < startHigh ? -1 : 1;
    const endLow = words[at + END_SLOT * 2 + 1 - HIGH_HALF]! >>> 0;
    const startLow = words[at + START_SLOT * 2 + 1 - HIGH_HALF]! >>> 0;
    return endLow < startLow ? -1 : endLow === startLow ? 0 : 1;
  }

  /** True when the end time is 0 (the span never ended); compared without making a bigint. */
  isUnended(): boolean {
    if (this.#hasExtras()) return this.#record().endTimeUnixNano === 0n;
    const words = this.#words();
    const at = base(this.row);
    return words[at + END_SLOT * 2] === 0 && words[at + END_SLOT * 2 + 1] === 0;
  }

  get events(): readonly SpanEvent[] {
    return this.#hasExtras() ? this.#record().events : NO_EVENTS;
  }

  get links(): readonly SpanLink[] {
    return this.#hasExtras() ? this.#record().links : NO_LINKS;
  }

  get resource(): Resource {
    return this.#parts.origins.resources[this.#words()[base(this.row) + ORIGIN]!]!;
  }

  get scope(): Scope {
    return this.#parts.origins.scopes[this.#words()[base(this.row) + ORIGIN]!]!;
  }

  get traceFlags(): number {
    if (this.#hasExtras()) return this.#record().traceFlags;
    return (this.#bits() >>> TRACE_FLAGS_SHIFT) & 0xff;
  }

  get traceState(): string {
    return this.#hasExtras() ? this.#record().traceState : '';
  }

  /** The plain record, as JSON.stringify and structural comparisons expect it. */
  toJSON(): SpanRecord {
    return this.#record();
  }
}
