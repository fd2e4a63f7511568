import { sharedInterner } from '../intern.js';

const SLOT_BITS = 12;
const SLOT_MASK = (1 << SLOT_BITS) - 1;
// Longer ASCII strings skip the front cache: hashing them costs more than they are likely to repeat.
const MAX_CACHED_LENGTH = 64;

/**
 * Decodes UTF-8 protobuf strings, interning repeated ones. Short ASCII strings are looked up by a hash of their
 * bytes before any string is made, so a span name or attribute key seen before costs no allocation at all.
 */
export class ProtobufStrings {
  readonly #bytes: Uint8Array;
  readonly #text: Buffer;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    this.#text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The string in bytes [start, end), the shared instance when it was seen before. */
  interned(start: number, end: number): string {
    return this.#read(start, end, true);
  }

  /**
   * An attribute value in bytes [start, end): short ASCII values are shared through the front cache alone, so a
   * miss (a unique URL or message id, mostly) makes a fresh string without a lookup in the process-wide table.
   */
  value(start: number, end: number): string {
    return this.#read(start, end, false);
  }

  #read(start: number, end: number, intern: boolean): string {
    const length = end - start;
    if (length === 0) return '';
    if (length > MAX_CACHED_LENGTH) return this.#utf8(start, end);
    const bytes = this.#bytes;
    let hash = 0x811c9dc5 ^ length;
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!;
      if (byte >= 0x80) return this.#utf8(start, end);
      hash = Math.imul(hash ^ byte, 0x01000193);
    }
    const slot = (hash ^ (hash >>> 15)) & SLOT_MASK;
    const cached = frontCache[slot];
    if (cached !== undefined && cached.length === length && sameAscii(cached, bytes, start)) return cached;
    const fresh = this.#text.toString('latin1', start, end);
    const text = intern ? sharedInterner.intern(fresh) : fresh;
    frontCache[slot] = text;
    return text;
  }

  // Strings the front cache does not hold (long or not ASCII) are shared through the process-wide table.
  #utf8(start: number, end: number): string {
    return sharedInterner.intern(this.#text.toString('utf8', start, end));
  }
}

// Shared by every decode; a stale slot is just a miss.
const frontCache: (string | undefined)[] = new Array<string | undefined>(SLOT_MASK + 1).fill(undefined);

function sameAscii(text: string, bytes: Uint8Array, start: number): boolean {
  // Unique values of one length (URLs, message ids) usually differ near their end: look there first.
  const last = text.length - 1;
  if (text.charCodeAt(last) !== bytes[start + last]) return false;
  for (let i = 0; i < last; i++) if (text.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}
