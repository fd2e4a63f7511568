import { VERBATIM_SHAPE } from '../../collect/span-table/attribute-shapes.js';
import { wordsToHex } from '../../collect/span-table/hex-words.js';
import { RowSpan } from '../../collect/span-table/row-span.js';
import * as rowLayout from '../../collect/span-table/span-rows.js';
import type { TableParts } from '../../collect/span-table/table-parts.js';
import { slot } from '../../collect/span-table/value-store.js';
import type { ForestColumns } from '../../forest/row-forest.js';
import { NO_COLUMNS } from '../../forest/row-forest.js';
import { keepShape } from '../../forest/_internals/keep-shape.js';
import type { AttributeValue, Attributes } from '../../model/attributes.js';
import type { SpanKind } from '../../model/span.js';
import { SPAN_KINDS } from '../../model/span.js';

// Module-local copies of imported bindings: where a loader compiles modules to CommonJS (tsx does), every read of
// an imported binding is a getter call, and these are read for every span.
const {
  BITS,
  END_SLOT,
  HAS_EXTRAS,
  ORIGIN,
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
const kindNames = SPAN_KINDS;
const slotOf = slot;

const HIGH_HALF = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * The forest's spans by position (ForestColumns), read field by field from their packed rows: what the checks
 * read of every span costs no object. `span(p)` builds the span itself for the few a check reports on.
 */
export class SpanColumns {
  readonly columns: ForestColumns;
  readonly count: number;
  readonly #parts: TableParts;
  // Per attribute shape, each key's index among its values (built on first use of the shape).
  readonly #keyIndexes: (Map<string, number> | undefined)[] = [];

  constructor(columns: ForestColumns) {
    this.columns = columns;
    this.count = columns.count;
    this.#parts = columns.parts;
  }

  #words(p: number): Int32Array {
    return this.#parts.rows.chunk(this.columns.rowAt[p]!).words;
  }

  #at(p: number): number {
    return base(this.columns.rowAt[p]!);
  }

  /** The parent's position, or -1 for a root or an orphan. */
  parent(p: number): number {
    return this.columns.parentAt[p]!;
  }

  bits(p: number): number {
    return this.#words(p)[this.#at(p) + BITS]!;
  }

  kindIndex(p: number): number {
    return this.bits(p) & 7;
  }

  kind(p: number): SpanKind {
    return kindNames[this.bits(p) & 7]!;
  }

  /** 0 unset, 1 ok, 2 error. */
  statusIndex(p: number): number {
    return (this.bits(p) >>> STATUS_SHIFT) & 3;
  }

  hasExtras(p: number): boolean {
    return (this.bits(p) & HAS_EXTRAS) !== 0;
  }

  origin(p: number): number {
    return this.#words(p)[this.#at(p) + ORIGIN]!;
  }

  service(p: number): string {
    return this.originService(this.origin(p));
  }

  /** The service name of the (resource, scope) pair with this index. */
  originService(origin: number): string {
    return this.#parts.origins.resources[origin]!.serviceName;
  }

  name(p: number): string {
    const valuesAt = this.#words(p)[this.#at(p) + VALUES_AT]!;
    return this.#parts.values.chunk(valuesAt)[slotOf(valuesAt)] as string;
  }

  traceId(p: number): string {
    return this.#parts.traces.ids[this.#words(p)[this.#at(p) + TRACE]!]!;
  }

  spanIdHigh(p: number): number {
    return this.#words(p)[this.#at(p) + SPAN_HIGH]!;
  }

  spanIdLow(p: number): number {
    return this.#words(p)[this.#at(p) + SPAN_LOW]!;
  }

  spanId(p: number): string {
    return wordsToHex(this.spanIdHigh(p), this.spanIdLow(p));
  }

  /** Trace flags; a row with extras may keep flags beyond a byte there. */
  traceFlags(p: number): number {
    if (this.hasExtras(p)) return this.span(p).traceFlags;
    return (this.bits(p) >>> TRACE_FLAGS_SHIFT) & 0xff;
  }

  shapeId(p: number): number {
    return this.#words(p)[this.#at(p) + SHAPE]!;
  }

  /** `attributes[key]` for a fixed own key, without building the map. */
  attribute(p: number, key: string): AttributeValue | undefined {
    const words = this.#words(p);
    const at = this.#at(p);
    const shapeId = words[at + SHAPE]!;
    const valuesAt = words[at + VALUES_AT]!;
    const values = this.#parts.values.chunk(valuesAt);
    if (shapeId === VERBATIM_SHAPE) {
      const map = values[slotOf(valuesAt) + 1] as Attributes;
      return Object.hasOwn(map, key) ? map[key] : undefined;
    }
    let indexes = this.#keyIndexes[shapeId];
    if (indexes === undefined) {
      // A repeated key keeps its last place, as the built map keeps the last value.
      indexes = new Map(
        this.#parts.shapes
          .byId(shapeId)
          .keys()
          .map((shapeKey, index) => [shapeKey, index]),
      );
      this.#keyIndexes[shapeId] = indexes;
    }
    const index = indexes.get(key);
    return index === undefined ? undefined : (values[slotOf(valuesAt) + 1 + index] as AttributeValue);
  }

  /** True when the end time is 0. */
  isUnended(p: number): boolean {
    if (this.hasExtras(p)) return this.span(p).isUnended();
    const words = this.#words(p);
    const at = this.#at(p);
    return words[at + END_SLOT * 2] === 0 && words[at + END_SLOT * 2 + 1] === 0;
  }

  /** -1, 0 or 1 as the span ends before, at or after its start. */
  endVersusStart(p: number): number {
    if (this.hasExtras(p)) return this.span(p).endVersusStart();
    const words = this.#words(p);
    const at = this.#at(p);
    const endHigh = words[at + END_SLOT * 2 + HIGH_HALF]! >>> 0;
    const startHigh = words[at + START_SLOT * 2 + HIGH_HALF]! >>> 0;
    if (endHigh !== startHigh) return endHigh < startHigh ? -1 : 1;
    const endLow = words[at + END_SLOT * 2 + 1 - HIGH_HALF]! >>> 0;
    const startLow = words[at + START_SLOT * 2 + 1 - HIGH_HALF]! >>> 0;
    return endLow < startLow ? -1 : endLow === startLow ? 0 : 1;
  }

  /** True when the span has links (only rows with extras can). */
  hasLinks(p: number): boolean {
    return this.hasExtras(p) && this.span(p).links.length > 0;
  }

  /** The span itself, as a fresh RowSpan. */
  span(p: number): RowSpan {
    return new RowSpan(this.#parts, this.columns.rowAt[p]!);
  }
}

keepShape(new SpanColumns(NO_COLUMNS));
keepShape(new RowSpan(NO_COLUMNS.parts, 0));
