const CHUNK_BITS = 13;
/** Values per chunk; a row's values never straddle two chunks. */
export const VALUES_PER_CHUNK = 1 << CHUNK_BITS;
const VALUE_MASK = VALUES_PER_CHUNK - 1;
const FIRST_CHUNK_VALUES = 64;

// Filled with null, not left holey with undefined: V8 then keeps one generic elements kind for any value stored.
function makeChunk(length: number): unknown[] {
  return new Array<unknown>(length).fill(null);
}

/**
 * The variable-length part of stored spans (name, attribute values, extras) as consecutive slots of shared
 * arrays: 8 bytes a value, without the object header, property array and slack a per-span object would cost.
 */
export class ValueStore {
  readonly #chunks: unknown[][] = [];
  // Global position of the next free slot.
  #next = 0;

  /**
   * The position of the next row's first value, with room for `maxCount` consecutive values (at most
   * VALUES_PER_CHUNK) behind it; `commit` then claims the ones the row used.
   */
  begin(maxCount: number): number {
    let at = this.#next;
    if ((at & VALUE_MASK) + maxCount > VALUES_PER_CHUNK) {
      // The rest of this chunk may be too short: start the next one (the tail stays unused).
      at = (at | VALUE_MASK) + 1;
      this.#next = at;
    }
    this.#ensure(at, maxCount);
    return at;
  }

  /** Claims the values written since `begin`, up to (not including) position `end`. */
  commit(end: number): void {
    this.#next = end;
  }

  /** The chunk holding position `at`; index it with `slot(at)`. */
  chunk(at: number): unknown[] {
    return this.#chunks[at >>> CHUNK_BITS]!;
  }

  #ensure(at: number, count: number): void {
    const index = at >>> CHUNK_BITS;
    const end = (at & VALUE_MASK) + count;
    if (index === this.#chunks.length) {
      this.#chunks.push(makeChunk(index === 0 ? Math.max(FIRST_CHUNK_VALUES, end) : VALUES_PER_CHUNK));
      return;
    }
    const chunk = this.#chunks[index]!;
    if (end <= chunk.length) return;
    // Only the first chunk starts short; it doubles until it holds what is asked.
    let length = chunk.length * 2;
    while (length < end) length *= 2;
    const grown = makeChunk(Math.min(length, VALUES_PER_CHUNK));
    for (let i = 0; i < chunk.length; i++) grown[i] = chunk[i];
    this.#chunks[index] = grown;
  }
}

/** The index of position `at` within its chunk. */
export function slot(at: number): number {
  return at & VALUE_MASK;
}
