import { bytesToHex } from '../../../model/ids.js';

const HEX_DIGITS = new Uint8Array(16).map((_, i) => '0123456789abcdef'.charCodeAt(i));
const fromCharCode = String.fromCharCode;

function high(byte: number): number {
  return HEX_DIGITS[byte >>> 4]!;
}

function low(byte: number): number {
  return HEX_DIGITS[byte & 15]!;
}

/**
 * Lowercase hex of an id's bytes. The two valid lengths build one flat string in a single call: concatenating
 * pairs (bytesToHex) leaves a rope of 10+ string nodes per trace id, which costs time here and memory in the store.
 */
export function idBytesToHex(b: Uint8Array, o: number, length: number): string {
  if (length === 16) {
    // prettier-ignore
    return fromCharCode(
      high(b[o]!), low(b[o]!), high(b[o + 1]!), low(b[o + 1]!), high(b[o + 2]!), low(b[o + 2]!),
      high(b[o + 3]!), low(b[o + 3]!), high(b[o + 4]!), low(b[o + 4]!), high(b[o + 5]!), low(b[o + 5]!),
      high(b[o + 6]!), low(b[o + 6]!), high(b[o + 7]!), low(b[o + 7]!), high(b[o + 8]!), low(b[o + 8]!),
      high(b[o + 9]!), low(b[o + 9]!), high(b[o + 10]!), low(b[o + 10]!), high(b[o + 11]!), low(b[o + 11]!),
      high(b[o + 12]!), low(b[o + 12]!), high(b[o + 13]!), low(b[o + 13]!), high(b[o + 14]!), low(b[o + 14]!),
      high(b[o + 15]!), low(b[o + 15]!),
    );
  }
  if (length === 8) {
    // prettier-ignore
    return fromCharCode(
      high(b[o]!), low(b[o]!), high(b[o + 1]!), low(b[o + 1]!), high(b[o + 2]!), low(b[o + 2]!),
      high(b[o + 3]!), low(b[o + 3]!), high(b[o + 4]!), low(b[o + 4]!), high(b[o + 5]!), low(b[o + 5]!),
      high(b[o + 6]!), low(b[o + 6]!), high(b[o + 7]!), low(b[o + 7]!),
    );
  }
  // Any other length is invalid and only reaches a rejection message.
  return bytesToHex(b, o, length);
}

/** True when `length` bytes at `a` and at `b` of `bytes` are equal (used to reuse the previous span's trace id). */
export function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (bytes[a + i] !== bytes[b + i]) return false;
  return true;
}
