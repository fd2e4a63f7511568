const HEX = '0123456789abcdef';

// The byte that two ASCII hex digits spell, indexed by their 7-bit codes; -1 for any other pair. Lowercase only:
// stored ids are lowercase, so an uppercase query must not find a span the API never stored under it.
const PAIR = new Int16Array(1 << 14).fill(-1);
for (let high = 0; high < 16; high++) {
  for (let low = 0; low < 16; low++) PAIR[(HEX.charCodeAt(high) << 7) | HEX.charCodeAt(low)] = (high << 4) | low;
}

const DIGIT = new Uint8Array(16).map((_, i) => HEX.charCodeAt(i));
const fromCharCode = String.fromCharCode;

/** The span id length that fits two words: 16 hex digits. */
export const SPAN_ID_LENGTH = 16;

// The byte that digits i and i + 1 spell, or -1.
function byteAt(id: string, i: number): number {
  const high = id.charCodeAt(i);
  const low = id.charCodeAt(i + 1);
  return (high | low) > 127 ? -1 : PAIR[(high << 7) | low]!;
}

/**
 * Parses a span id of 16 lowercase hex digits into `words` (high word first) and returns true; returns false
 * for anything else. Words are signed 32-bit integers: they stay small integers in V8, never boxed numbers.
 */
export function parseSpanId(id: string, words: Int32Array): boolean {
  if (id.length !== SPAN_ID_LENGTH) return false;
  // Two digits per table lookup: this runs for the span id and the parent id of every stored span.
  const b0 = byteAt(id, 0);
  const b1 = byteAt(id, 2);
  const b2 = byteAt(id, 4);
  const b3 = byteAt(id, 6);
  const b4 = byteAt(id, 8);
  const b5 = byteAt(id, 10);
  const b6 = byteAt(id, 12);
  const b7 = byteAt(id, 14);
  if ((b0 | b1 | b2 | b3 | b4 | b5 | b6 | b7) < 0) return false;
  words[0] = (b0 << 24) | (b1 << 16) | (b2 << 8) | b3;
  words[1] = (b4 << 24) | (b5 << 16) | (b6 << 8) | b7;
  return true;
}

// The hex of recently read ids, direct-mapped by their words: reading a trace makes each span id twice (as the
// span's id and as its children's parent id), and readers re-read the traces they wait for.
const RECENT_SLOTS = 4096;
const recentHigh = new Int32Array(RECENT_SLOTS);
const recentLow = new Int32Array(RECENT_SLOTS);
const recentHex = new Array<string>(RECENT_SLOTS).fill('');

/** The 16-digit lowercase hex of two words, as one flat string (never a concatenation rope). */
export function wordsToHex(high: number, low: number): string {
  const slot = (low ^ Math.imul(high, 0x9e3779b1) ^ (low >>> 13)) & (RECENT_SLOTS - 1);
  const recent = recentHex[slot]!;
  if (recentLow[slot] === low && recentHigh[slot] === high && recent !== '') return recent;
  // prettier-ignore
  const hex = fromCharCode(
    DIGIT[high >>> 28]!, DIGIT[(high >>> 24) & 15]!, DIGIT[(high >>> 20) & 15]!, DIGIT[(high >>> 16) & 15]!,
    DIGIT[(high >>> 12) & 15]!, DIGIT[(high >>> 8) & 15]!, DIGIT[(high >>> 4) & 15]!, DIGIT[high & 15]!,
    DIGIT[low >>> 28]!, DIGIT[(low >>> 24) & 15]!, DIGIT[(low >>> 20) & 15]!, DIGIT[(low >>> 16) & 15]!,
    DIGIT[(low >>> 12) & 15]!, DIGIT[(low >>> 8) & 15]!, DIGIT[(low >>> 4) & 15]!, DIGIT[low & 15]!,
  );
  recentHigh[slot] = high;
  recentLow[slot] = low;
  recentHex[slot] = hex;
  return hex;
}
