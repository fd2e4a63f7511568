import type { AttributeValue } from '../../model/attributes.js';
import type { Resource, Scope, SpanEvent, SpanLink } from '../../model/span.js';

/** Word offsets of one staged span's fixed fields in `SpanBatch.words`. */
export const B_SPAN_HIGH = 0;
export const B_SPAN_LOW = 1;
export const B_PARENT_HIGH = 2;
export const B_PARENT_LOW = 3;
/** Start and end nanoseconds as unsigned 64-bit values split into low and high words. */
export const B_START_LOW = 4;
export const B_START_HIGH = 5;
export const B_END_LOW = 6;
export const B_END_HIGH = 7;
/** Kind, status code, HAS_PARENT and trace flags, laid out as a stored row's BITS word. */
export const B_BITS = 8;
/** The span's origin: an index into `origins`. */
export const B_ORIGIN = 9;
/** The span's first attribute in `keys`/`values`, and how many it has. */
export const B_ATTRIBUTES = 10;
export const B_ATTRIBUTE_COUNT = 11;
/** An index into `extras`, or -1 when the span has none. */
export const B_EXTRAS = 12;
export const WORDS_PER_STAGED_SPAN = 13;

/** What a staged span carries beyond its words; most spans have none of it. */
export interface StagedExtras {
  readonly events: readonly SpanEvent[];
  readonly links: readonly SpanLink[];
  readonly statusMessage: string;
  readonly traceState: string;
}

/** The resource and scope a run of staged spans came from. */
export interface StagedOrigin {
  readonly resource: Resource;
  readonly scope: Scope;
}

const FIRST_SPANS = 64;

/**
 * Valid spans of one export body, staged for the span table without a record per span: ids as 32-bit words, times
 * as halves, names and attribute keys as (interned) strings, attribute values in one flat array. Decoders fill it
 * completely before the store sees any of it, so an undecodable body leaves the store untouched. Every staged span
 * has valid ids (trace id: 32 lowercase hex digits, span and parent ids: 16 or none) and times that fit 64 bits.
 */
export class SpanBatch {
  /** Staged spans. */
  count = 0;
  words = new Int32Array(FIRST_SPANS * WORDS_PER_STAGED_SPAN);
  /** Per span: the trace id (lowercase hex; one string shared by consecutive spans of a trace) and the name. */
  readonly traceIds: string[] = [];
  readonly names: string[] = [];
  /** Attributes of all spans, in span order, each span's in wire order. */
  attributeCount = 0;
  readonly keys: string[] = [];
  readonly values: AttributeValue[] = [];
  readonly origins: StagedOrigin[] = [];
  readonly extras: StagedExtras[] = [];

  /** Starts the next span (its words zeroed) and returns the offset of its first word. */
  begin(): number {
    const at = this.count * WORDS_PER_STAGED_SPAN;
    if (at + WORDS_PER_STAGED_SPAN > this.words.length) {
      const grown = new Int32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    } else {
      this.words.fill(0, at, at + WORDS_PER_STAGED_SPAN);
    }
    this.words[at + B_ATTRIBUTES] = this.attributeCount;
    this.words[at + B_EXTRAS] = -1;
    return at;
  }

  /** Adds one attribute to the span begun last. */
  addAttribute(key: string, value: AttributeValue): void {
    const i = this.attributeCount++;
    if (i < this.keys.length) {
      this.keys[i] = key;
      this.values[i] = value;
    } else {
      this.keys.push(key);
      this.values.push(value);
    }
  }

  /** Keeps the span begun last (its words at `at`), with its trace id and name. */
  commit(at: number, traceId: string, name: string): void {
    this.words[at + B_ATTRIBUTE_COUNT] = this.attributeCount - this.words[at + B_ATTRIBUTES]!;
    this.traceIds.push(traceId);
    this.names.push(name);
    this.count++;
  }

  /** Drops the span begun last (refused: its ids are unusable) and the attributes it added. */
  discard(at: number): void {
    this.attributeCount = this.words[at + B_ATTRIBUTES]!;
  }

  /** The attribute arrays trimmed to what is used (a discarded span may have left some behind). */
  trim(): void {
    this.keys.length = this.attributeCount;
    this.values.length = this.attributeCount;
  }
}
