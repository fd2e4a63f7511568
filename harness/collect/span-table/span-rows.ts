/** Word offsets of one row's fixed fields; times sit at even words so their 8 bytes are aligned. */
export const TRACE = 0;
/** The next row of the same trace in arrival order, NO_ROW at the end. */
export const NEXT_IN_TRACE = 1;
export const SPAN_HIGH = 2;
export const SPAN_LOW = 3;
export const PARENT_HIGH = 4;
export const PARENT_LOW = 5;
/** Start and end nanoseconds as unsigned 64-bit values: word 6-7 and 8-9, i.e. bigint slots 3 and 4. */
export const START_SLOT = 3;
export const END_SLOT = 4;
/** Index of the (resource, scope) pair. */
export const ORIGIN = 10;
/** Where the row's name, attribute values and extras start in the value store. */
export const VALUES_AT = 11;
/** The id of the row's attribute shape. */
export const SHAPE = 12;
/** Bits: kind (0-2), status code (3-4), flags below, W3C trace flags (8-15). */
export const BITS = 13;

export const WORDS_PER_ROW = 14;

export const STATUS_SHIFT = 3;
export const HAS_PARENT = 1 << 5;
export const HAS_EXTRAS = 1 << 6;
/** The span id is not 16 lowercase hex digits: SPAN_HIGH/LOW hold its hash and the extras hold the id. */
export const ODD_SPAN_ID = 1 << 7;
export const TRACE_FLAGS_SHIFT = 8;

/** "No row": the end of a trace's list. */
export const NO_ROW = -1;

const CHUNK_BITS = 11;
/** Rows per chunk: big enough that per-chunk overhead vanishes, small enough that growth leaves little slack. */
export const ROWS_PER_CHUNK = 1 << CHUNK_BITS;
const ROW_MASK = ROWS_PER_CHUNK - 1;
// The first chunk starts small and doubles, so a store holding a handful of spans costs a few KiB, not 112.
const FIRST_CHUNK_ROWS = 16;

/**
 * One chunk of rows: a word view and a 64-bit view of the same bytes. Words are signed so that every value read
 * is a small integer to V8 (an unsigned word above 2^31 would be a boxed number).
 */
export interface RowChunk {
  readonly words: Int32Array;
  readonly times: BigUint64Array;
}

function makeChunk(rows: number): RowChunk {
  const buffer = new ArrayBuffer(rows * WORDS_PER_ROW * 4);
  return { words: new Int32Array(buffer), times: new BigUint64Array(buffer) };
}

/**
 * The fixed-size part of every stored span, packed into chunked typed arrays: a row costs 56 bytes and no
 * object. Rows are appended, never removed; growth adds a chunk instead of copying everything.
 */
export class SpanRows {
  readonly #chunks: RowChunk[] = [];
  #count = 0;
  #capacity = 0;

  /** Rows appended so far. */
  get count(): number {
    return this.#count;
  }

  /** Appends a zeroed row and returns its number. */
  append(): number {
    const row = this.#count;
    if (row === this.#capacity) this.#grow();
    this.#count = row + 1;
    return row;
  }

  /** The chunk that holds `row`; its fields start at word `base(row)`. */
  chunk(row: number): RowChunk {
    return this.#chunks[row >>> CHUNK_BITS]!;
  }

  #grow(): void {
    const last = this.#chunks.length - 1;
    const lastRows = last < 0 ? 0 : this.#chunks[last]!.words.length / WORDS_PER_ROW;
    if (last >= 0 && lastRows < ROWS_PER_CHUNK) {
      // Only the first chunk is ever partial: double it in place of a new one.
      const grown = makeChunk(Math.min(lastRows * 2, ROWS_PER_CHUNK));
      grown.words.set(this.#chunks[last]!.words);
      this.#chunks[last] = grown;
      this.#capacity += grown.words.length / WORDS_PER_ROW - lastRows;
    } else {
      const rows = last < 0 ? FIRST_CHUNK_ROWS : ROWS_PER_CHUNK;
      this.#chunks.push(makeChunk(rows));
      this.#capacity += rows;
    }
  }
}

/** The word offset of `row`'s first field within its chunk. */
export function base(row: number): number {
  return (row & ROW_MASK) * WORDS_PER_ROW;
}
