const FRONT_SLOTS = 1024;

/**
 * Repeated strings (span names, attribute keys, service and scope names, short values) are stored once: every
 * decoded span retains only pointers to them instead of its own copies, which the per-span memory budget needs.
 */
export class StringInterner {
  readonly #strings = new Map<string, string>();
  // A direct-mapped cache in front of the map: comparing a fresh string with the one in its slot costs a
  // length check and a short memcmp, much less than hashing it for a map lookup.
  readonly #front: string[] = new Array<string>(FRONT_SLOTS).fill('');
  readonly #maxEntries: number;
  readonly #maxLength: number;

  /**
   * `maxEntries` bounds the table (default 65,536); when it fills up the table starts over, so a flood of
   * unique values costs bounded memory. Strings longer than `maxLength` (default 128) are returned as they are.
   */
  constructor(options: { readonly maxEntries?: number; readonly maxLength?: number } = {}) {
    this.#maxEntries = options.maxEntries ?? 65_536;
    this.#maxLength = options.maxLength ?? 128;
  }

  /** The one stored instance equal to `text` (stored now if it is new). */
  intern(text: string): string {
    const length = text.length;
    if (length > this.#maxLength || length === 0) return text;
    const slot = (length * 31 + text.charCodeAt(length - 1) * 7 + text.charCodeAt(length >> 1)) & (FRONT_SLOTS - 1);
    const front = this.#front[slot]!;
    if (front === text) return front;
    let stored = this.#strings.get(text);
    if (stored === undefined) {
      // Starting over (not evicting one by one) keeps the hot path to one lookup; earlier records keep their strings.
      if (this.#strings.size >= this.#maxEntries) this.#strings.clear();
      this.#strings.set(text, text);
      stored = text;
    }
    this.#front[slot] = stored;
    return stored;
  }

  /** How many strings the table holds now. */
  get size(): number {
    return this.#strings.size;
  }
}

/** The process-wide interner the OTLP decoders share, so JSON and protobuf batches reuse the same strings. */
export const sharedInterner = new StringInterner();

/** Interns `text` in the process-wide interner. */
export function intern(text: string): string {
  return sharedInterner.intern(text);
}
