// Counter-based randomness: every value is a pure function of (seed, request sequence number, lane), so a request's
// ids and its place in the mix do not depend on the order requests finish in, on concurrency, or on each other.

/** MurmurHash3's finaliser: a bijection on 32-bit integers that spreads every input bit over the output. */
function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Lanes are independent streams: trace id words, span id words and the mix choice each get their own. */
export const LANES = 8;

/** 32-bit words keyed by a seed, addressed by (sequence number, lane). */
export class SeededWords {
  readonly #inner = new Uint32Array(LANES);
  readonly #outer = new Uint32Array(LANES);

  /** `seed` is any safe integer; both of its 32-bit halves count. */
  constructor(seed: number) {
    let state = mix32((seed >>> 0) ^ 0x9e3779b9) ^ mix32(Math.floor(seed / 0x1_0000_0000) | 0);
    for (let lane = 0; lane < LANES; lane++) {
      state = (state + 0x9e3779b9) >>> 0;
      this.#inner[lane] = mix32(state);
      state = (state + 0x9e3779b9) >>> 0;
      this.#outer[lane] = mix32(state ^ 0x5bd1e995);
    }
  }

  /**
   * The word for `seq` in `lane`. For a fixed seed and lane it is a bijection of `seq` over 0..2^32-1 (xor, mix,
   * add, mix are each one), so no two requests of a run share a word, let alone an id.
   */
  word(seq: number, lane: number): number {
    return mix32((mix32((seq ^ this.#inner[lane]!) >>> 0) + this.#outer[lane]!) >>> 0);
  }
}
