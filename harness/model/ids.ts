/** Trace ids are 32 lowercase hex characters, span ids 16; neither may be all zeros (W3C Trace Context). */
export const TRACE_ID_HEX_LENGTH = 32;
export const SPAN_ID_HEX_LENGTH = 16;

const HEX = /^[0-9a-f]+$/;
const ALL_ZERO = /^0+$/;

/** Why an id is unusable, or undefined when it is valid. Expects an already lowercased string. */
export function idProblem(id: string, hexLength: number): string | undefined {
  if (id.length !== hexLength) return `has ${id.length} hex characters, expected ${hexLength}`;
  if (!HEX.test(id)) return 'is not hexadecimal';
  if (ALL_ZERO.test(id)) return 'is all zeros';
  return undefined;
}

/** True for a valid lowercase trace id. */
export function isTraceId(id: string): boolean {
  return idProblem(id, TRACE_ID_HEX_LENGTH) === undefined;
}

/** True for a valid lowercase span id. */
export function isSpanId(id: string): boolean {
  return idProblem(id, SPAN_ID_HEX_LENGTH) === undefined;
}

const BYTE_TO_HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lowercase hex of `length` bytes of `bytes` starting at `offset`. */
export function bytesToHex(bytes: Uint8Array, offset: number, length: number): string {
  let hex = '';
  for (let i = offset; i < offset + length; i++) hex += BYTE_TO_HEX[bytes[i]!];
  return hex;
}
