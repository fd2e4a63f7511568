import { allZeroBytes } from './_internals/hex-text.js';
import { idBytesToHex, sameBytes } from './_internals/hex-id.js';
import { idFieldProblem } from './_internals/rejection.js';

/** A protobuf id's problem (as for JSON ids), or undefined when it is valid; absent counts as empty. */
export function protobufIdProblem(
  bytes: Uint8Array,
  field: string,
  offset: number,
  length: number,
  hexLength: number,
): string | undefined {
  if (length * 2 === hexLength && !allZeroBytes(bytes, offset, length)) return undefined;
  return idFieldProblem(field, length === 0 ? '' : idBytesToHex(bytes, offset, length), hexLength);
}

/** Remembers the last trace id so consecutive spans of one trace share one string. */
export class TraceIdCache {
  #offset = -1;
  #hex = '';

  /** The hex of a valid 16-byte trace id at `offset`. */
  hex(bytes: Uint8Array, offset: number): string {
    if (this.#offset !== -1 && sameBytes(bytes, this.#offset, offset, 16)) return this.#hex;
    this.#offset = offset;
    this.#hex = idBytesToHex(bytes, offset, 16);
    return this.#hex;
  }
}
