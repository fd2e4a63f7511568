/**
 * A minimal protobuf writer for the small messages the receiver answers with. Nested messages are written
 * inside out: encode the child to bytes first, then write it as a length-delimited field.
 */
export class ProtobufWriter {
  readonly #bytes: number[] = [];

  /** Writes an unsigned varint (non-negative integers up to 2^53; counts and codes). */
  varint(value: number): this {
    let rest = value;
    while (rest >= 0x80) {
      this.#bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.#bytes.push(rest);
    return this;
  }

  /** Writes a varint field (int32, int64 or enum); zero is the default and is left out, as proto3 does. */
  varintField(field: number, value: number): this {
    return value === 0 ? this : this.varint((field << 3) | 0).varint(value);
  }

  /** Writes a length-delimited field of raw bytes. */
  bytesField(field: number, bytes: Uint8Array): this {
    this.varint((field << 3) | 2).varint(bytes.length);
    for (const byte of bytes) this.#bytes.push(byte);
    return this;
  }

  /** Writes a UTF-8 string field; an empty string is the default and is left out. */
  stringField(field: number, text: string): this {
    return text === '' ? this : this.bytesField(field, Buffer.from(text, 'utf8'));
  }

  /** The bytes written so far. */
  finish(): Buffer {
    return Buffer.from(this.#bytes);
  }
}
