const FIRST_CAPACITY = 64;

/** A 32-bit hash of a span's key (trace index and the two span id words); kind is left out on purpose. */
export function spanHash(trace: number, high: number, low: number): number {
  // Span ids are random in production but sequential in tests and synthetic load: mix all bits.
  let hash = Math.imul(low ^ Math.imul(high, 0x9e3779b1) ^ Math.imul(trace, 0x85ebca6b), 0xc2b2ae35);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 12);
}

/**
 * Open addressing with linear probing: row numbers (plus one; zero is empty) in a Uint32Array, beside each row's
 * hash. A probe compares hashes and reads a row only when they match, and growing needs no row at all. 8 bytes a
 * slot, no object per entry. Rows sharing a key (one span id with several kinds) all sit in the probe run of that
 * key, so a caller scanning the run until `rowAt` says empty sees every one of them.
 */
export class RowHashTable {
  #rows = new Uint32Array(FIRST_CAPACITY);
  #hashes = new Int32Array(FIRST_CAPACITY);
  #mask = FIRST_CAPACITY - 1;
  #size = 0;

  /** The first slot to probe for `hash`. */
  start(hash: number): number {
    return hash & this.#mask;
  }

  /** The slot after `slot`. */
  next(slot: number): number {
    return (slot + 1) & this.#mask;
  }

  /** The row in `slot`, or -1 when the slot is empty (the end of the probe run). */
  rowAt(slot: number): number {
    return this.#rows[slot]! - 1;
  }

  /** The hash of the row in `slot`. */
  hashAt(slot: number): number {
    return this.#hashes[slot]!;
  }

  /** Adds `row` under `hash`. */
  add(hash: number, row: number): void {
    this.#growIfFull();
    this.#place(hash, row);
  }

  /**
   * Adds `row` under `hash` into `slot`: the empty slot that ended the caller's scan of the probe run for `hash`
   * (found again if the table has to grow first).
   */
  addAt(slot: number, hash: number, row: number): void {
    if (this.#growIfFull()) {
      this.#place(hash, row);
    } else {
      this.#rows[slot] = row + 1;
      this.#hashes[slot] = hash;
      this.#size++;
    }
  }

  // Grown at 3/4 full: probe runs stay short.
  #growIfFull(): boolean {
    if ((this.#size + 1) * 4 <= this.#rows.length * 3) return false;
    const rows = this.#rows;
    const hashes = this.#hashes;
    this.#rows = new Uint32Array(rows.length * 2);
    this.#hashes = new Int32Array(rows.length * 2);
    this.#mask = rows.length * 2 - 1;
    this.#size = 0;
    for (let slot = 0; slot < rows.length; slot++) {
      if (rows[slot] !== 0) this.#place(hashes[slot]!, rows[slot]! - 1);
    }
    return true;
  }

  #place(hash: number, row: number): void {
    const rows = this.#rows;
    const mask = this.#mask;
    let slot = hash & mask;
    while (rows[slot] !== 0) slot = (slot + 1) & mask;
    rows[slot] = row + 1;
    this.#hashes[slot] = hash;
    this.#size++;
  }
}
