/**
 * Keys whose values are 64-bit integers in OTLP/JSON. A sender may write them as bare numbers, and JSON.parse
 * rounds every bare number above 2^53, so such values are quoted in the text before parsing.
 */
const LONG_INTEGER_KEYS = ['UnixNano"', 'unix_nano"', '"intValue"', '"int_value"'] as const;

// Up to 15 digits always fit in a double exactly; 16 or more may not.
const MAX_EXACT_DIGITS = 15;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Start and end offsets of bare integers after `key":` that a double would round. */
function findLongIntegers(text: string, key: string, found: number[]): void {
  for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + key.length)) {
    let i = at + key.length;
    while (isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x3a) continue; // not a key after all
    i++;
    while (isSpace(text.charCodeAt(i))) i++;
    const start = i;
    if (text.charCodeAt(i) === 0x2d) i++;
    const firstDigit = i;
    while (isDigit(text.charCodeAt(i))) i++;
    const next = text.charCodeAt(i);
    // a fraction or exponent is no integer: JSON.parse reads it and the decoder rejects or accepts it as it is
    if (i - firstDigit > MAX_EXACT_DIGITS && next !== 0x2e && next !== 0x65 && next !== 0x45) found.push(start, i);
  }
}

/** The JSON text with every long bare integer of a 64-bit field in quotes; the same string when there is none. */
export function quoteLongIntegers(text: string): string {
  const found: number[] = [];
  for (const key of LONG_INTEGER_KEYS) findLongIntegers(text, key, found);
  if (found.length === 0) return text;
  const spans: [number, number][] = [];
  for (let i = 0; i < found.length; i += 2) spans.push([found[i]!, found[i + 1]!]);
  spans.sort((a, b) => a[0] - b[0]);
  let quoted = '';
  let copied = 0;
  for (const [start, end] of spans) {
    quoted += `${text.slice(copied, start)}"${text.slice(start, end)}"`;
    copied = end;
  }
  return quoted + text.slice(copied);
}
