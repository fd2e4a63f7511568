/**
 * The id lowercased when `text` is exactly `hexLength` hex digits, not all zeros; undefined otherwise.
 * A hand loop instead of regular expressions: this runs for every id of every span.
 */
export function normalizeHexId(text: string, hexLength: number): string | undefined {
  if (text.length !== hexLength) return undefined;
  let upper = false;
  let nonZero = false;
  for (let i = 0; i < hexLength; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (c !== 0x30) nonZero = true;
    } else if (c >= 0x61 && c <= 0x66) {
      nonZero = true;
    } else if (c >= 0x41 && c <= 0x46) {
      nonZero = true;
      upper = true;
    } else {
      return undefined;
    }
  }
  if (!nonZero) return undefined;
  return upper ? text.toLowerCase() : text;
}

/** True when `length` bytes of an id are all zero (an invalid id in W3C Trace Context). */
export function allZeroBytes(bytes: Uint8Array, offset: number, length: number): boolean {
  for (let i = offset; i < offset + length; i++) if (bytes[i] !== 0) return false;
  return true;
}
