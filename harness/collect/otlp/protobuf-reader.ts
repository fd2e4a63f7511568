import { OtlpDecodeError } from '../../errors.js';

/** Protobuf wire types. */
export const WireType = { Varint: 0, Fixed64: 1, LengthDelimited: 2, StartGroup: 3, EndGroup: 4, Fixed32: 5 } as const;

const TWO_POW_32 = 4_294_967_296;
const MAX_GROUP_DEPTH = 64;

/**
 * A cursor over protobuf wire format. Reads take the end of the enclosing message, so nothing reads past it;
 * every malformed input throws OtlpDecodeError saying what and where. The 64-bit varint lands in `low`/`high`
 * so the hot loop allocates nothing.
 */
export class ProtobufReader {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  /** Byte offset of the next read. */
  pos = 0;
  /** Low and high 32 bits of the last `varint64()`. */
  low = 0;
  high = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** An OtlpDecodeError located at `at`, e.g. "truncated fixed64 field 7 at byte 812 of 1024". */
  error(problem: string, at: number): OtlpDecodeError {
    return new OtlpDecodeError(`OTLP/protobuf: ${problem} at byte ${at} of ${this.bytes.length}`);
  }

  /** The next field tag (field number << 3 | wire type). */
  tag(end: number): number {
    return this.varint32(end, 0);
  }

  /** A varint as an unsigned 32-bit number (higher bits of longer varints are dropped, as for uint32 fields). */
  varint32(end: number, field: number): number {
    const bytes = this.bytes;
    let pos = this.pos;
    if (pos < end) {
      const first = bytes[pos]!;
      if (first < 0x80) {
        this.pos = pos + 1;
        return first;
      }
    }
    let value = 0;
    for (let shift = 0; shift < 70; shift += 7) {
      if (pos >= end)
        throw this.error(field === 0 ? 'truncated field tag' : `truncated varint field ${field}`, this.pos);
      const byte = bytes[pos++]!;
      if (shift < 32) value |= (byte & 0x7f) << shift;
      if (byte < 0x80) {
        this.pos = pos;
        return value >>> 0;
      }
    }
    throw this.error(`varint longer than 10 bytes in field ${field}`, this.pos);
  }

  /** A varint of up to 64 bits into `low` and `high`. */
  varint64(end: number, field: number): void {
    const bytes = this.bytes;
    let pos = this.pos;
    let low = 0;
    let high = 0;
    for (let shift = 0; shift < 70; shift += 7) {
      if (pos >= end) throw this.error(`truncated varint field ${field}`, this.pos);
      const byte = bytes[pos++]!;
      const bits = byte & 0x7f;
      if (shift < 28) {
        low |= bits << shift;
      } else if (shift === 28) {
        low |= bits << 28; // the low 4 bits fit; the rest go high
        high |= bits >>> 4;
      } else {
        high |= bits << (shift - 32);
      }
      if (byte < 0x80) {
        this.pos = pos;
        this.low = low >>> 0;
        this.high = high >>> 0;
        return;
      }
    }
    throw this.error(`varint longer than 10 bytes in field ${field}`, this.pos);
  }

  /** Checks that `size` bytes remain before `end`, for the field that starts at the current position. */
  need(size: number, end: number, kind: string, field: number): void {
    if (this.pos + size > end) {
      throw this.error(
        `truncated ${kind} field ${field}: needs ${size} bytes, ${Math.max(0, end - this.pos)} remain`,
        this.pos,
      );
    }
  }

  /** A fixed32 as an unsigned number. */
  fixed32(end: number, field: number): number {
    this.need(4, end, 'fixed32', field);
    const value = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return value;
  }

  /** A fixed64 as an exact bigint (times in nanoseconds). */
  fixed64(end: number, field: number): bigint {
    this.need(8, end, 'fixed64', field);
    const value = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return value;
  }

  /** A double (fixed64 on the wire). */
  double(end: number, field: number): number {
    this.need(8, end, 'fixed64', field);
    const value = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return value;
  }

  /** Reads a length prefix; returns the end of the field's bytes, which start at the new `pos`. */
  lengthDelimited(end: number, field: number): number {
    const length = this.varint32(end, field);
    const stop = this.pos + length;
    if (stop > end) {
      throw this.error(
        `truncated length-delimited field ${field}: needs ${length} bytes, ${end - this.pos} remain`,
        this.pos,
      );
    }
    return stop;
  }

  /** Skips one field of any wire type whose tag was just read. */
  skip(tag: number, end: number, depth = 0): void {
    const field = tag >>> 3;
    const wireType = tag & 7;
    if (field === 0) throw this.error('field number 0', this.pos);
    switch (wireType) {
      case WireType.Varint:
        this.varint32(end, field);
        return;
      case WireType.Fixed64:
        this.need(8, end, 'fixed64', field);
        this.pos += 8;
        return;
      case WireType.LengthDelimited:
        this.pos = this.lengthDelimited(end, field);
        return;
      case WireType.Fixed32:
        this.need(4, end, 'fixed32', field);
        this.pos += 4;
        return;
      case WireType.StartGroup:
        this.#skipGroup(field, end, depth);
        return;
      default:
        throw this.error(
          wireType === WireType.EndGroup
            ? `unexpected end-group tag for field ${field}`
            : `invalid wire type ${wireType} in field ${field}`,
          this.pos,
        );
    }
  }

  // Groups are deprecated but legal on the wire: skip up to the matching end-group tag.
  #skipGroup(field: number, end: number, depth: number): void {
    if (depth >= MAX_GROUP_DEPTH)
      throw this.error(`groups nested deeper than ${MAX_GROUP_DEPTH} in field ${field}`, this.pos);
    const start = this.pos;
    while (this.pos < end) {
      const tag = this.tag(end);
      if ((tag & 7) === WireType.EndGroup) {
        if (tag >>> 3 === field) return;
        throw this.error(`end-group tag for field ${tag >>> 3} inside group ${field}`, this.pos);
      }
      this.skip(tag, end, depth + 1);
    }
    throw this.error(`truncated group field ${field} (started at byte ${start})`, this.pos);
  }
}

/** The signed 64-bit integer in a reader's `low`/`high`: a number when exact, a bigint beyond 2^53. */
export function int64Value(low: number, high: number): number | bigint {
  if (high < 0x20_0000) return high * TWO_POW_32 + low;
  if (high >= 0x8000_0000) {
    // negative: magnitude is the two's complement
    const negLow = (~low + 1) >>> 0;
    const negHigh = (~high + (negLow === 0 ? 1 : 0)) >>> 0;
    if (negHigh < 0x20_0000) return -(negHigh * TWO_POW_32 + negLow);
  }
  return BigInt.asIntN(64, (BigInt(high) << 32n) | BigInt(low));
}
