import { SeededWords } from './seeded-words.js';

// Lowercase hex digits as character codes, two per byte value.
const HEX_CODES = new Uint8Array(512);
for (let byte = 0; byte < 256; byte++) {
  const hex = byte.toString(16).padStart(2, '0');
  HEX_CODES[byte * 2] = hex.charCodeAt(0);
  HEX_CODES[byte * 2 + 1] = hex.charCodeAt(1);
}

const MIX_LANE = 6;
const UINT32_RANGE = 0x1_0000_0000;
// "00-" trace id "-" span id "-01"
const TRACE_ID_AT = 3;
const SPAN_ID_AT = 36;
const TRACEPARENT_LENGTH = 55;

function writeWord(target: Buffer, at: number, word: number): void {
  for (let shift = 24, offset = at; shift >= 0; shift -= 8, offset += 2) {
    const byte = (word >>> shift) & 0xff;
    target[offset] = HEX_CODES[byte * 2]!;
    target[offset + 1] = HEX_CODES[byte * 2 + 1]!;
  }
}

/** Trace ids, span ids and mix choices for every request of a run, reproducible from the run's seed. */
export class TraceIdSource {
  readonly #words: SeededWords;
  // One scratch buffer turned into one flat string per request: cheaper than concatenating 24 two-digit pieces.
  readonly #scratch = Buffer.from(`00-${'0'.repeat(32)}-${'0'.repeat(16)}-01`, 'latin1');

  constructor(seed: number) {
    this.#words = new SeededWords(seed);
  }

  /**
   * The sampled version 00 `traceparent` of request `seq`. Its trace id (characters 3–35) is never all zeros and
   * differs for every `seq` below 2^32; so does its span id (characters 36–52).
   */
  traceparent(seq: number): string {
    this.#write(seq);
    return this.#scratch.toString('latin1', 0, TRACEPARENT_LENGTH);
  }

  /** The trace id and span id of `traceparent(seq)`, as strings of their own (no 55-character parent kept alive). */
  ids(seq: number): { traceId: string; spanId: string } {
    this.#write(seq);
    const scratch = this.#scratch;
    return {
      traceId: scratch.toString('latin1', TRACE_ID_AT, TRACE_ID_AT + 32),
      spanId: scratch.toString('latin1', SPAN_ID_AT, SPAN_ID_AT + 16),
    };
  }

  #write(seq: number): void {
    const words = this.#words;
    const scratch = this.#scratch;
    const a = words.word(seq, 0);
    const b = words.word(seq, 1);
    const c = words.word(seq, 2);
    let d = words.word(seq, 3);
    // W3C forbids all-zero ids; the chance is tiny, but a forbidden id must be impossible, not unlikely.
    if ((a | b | c | d) === 0) d = 1;
    const high = words.word(seq, 4);
    let low = words.word(seq, 5);
    if ((high | low) === 0) low = 1;
    writeWord(scratch, TRACE_ID_AT, a);
    writeWord(scratch, TRACE_ID_AT + 8, b);
    writeWord(scratch, TRACE_ID_AT + 16, c);
    writeWord(scratch, TRACE_ID_AT + 24, d);
    writeWord(scratch, SPAN_ID_AT, high);
    writeWord(scratch, SPAN_ID_AT + 8, low);
  }

  /** A number in [0, 1) that picks the mix entry for `seq`. */
  mixPoint(seq: number): number {
    return this.#words.word(seq, MIX_LANE) / UINT32_RANGE;
  }
}
