/** A parsed JSON object as the decoders read it: any field may be missing or of the wrong type. */
export type JsonObject = { readonly [field: string]: unknown };

/**
 * A structural problem somewhere inside the request. Thrown with the path below the point that noticed it,
 * each enclosing level prefixes its own segment, and the decoder turns it into OtlpDecodeError at the top.
 */
export class JsonShapeError extends Error {
  override readonly name = 'JsonShapeError';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** `error` with `segment` put in front of its path (other errors pass through untouched). */
export function underPath(error: unknown, segment: string): unknown {
  if (!(error instanceof JsonShapeError)) return error;
  const path =
    error.path === '' ? segment : error.path.startsWith('[') ? segment + error.path : `${segment}.${error.path}`;
  return new JsonShapeError(path, error.problem);
}

/** How a JSON value reads in an error message: "a string", "an array", "null". */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' || type === 'undefined' ? `an ${type}` : `a ${type}`;
}

/**
 * Thrown when a 64-bit field holds a bare number beyond 2^53: JSON.parse has already rounded it, so the decoder
 * parses the text again with such numbers quoted. Parsing twice only costs bodies that write long bare numbers.
 */
export class InexactNumberSignal extends Error {
  override readonly name = 'InexactNumberSignal';
  constructor(
    readonly path: string,
    readonly value: number,
  ) {
    super(`${path}: ${value} is beyond 2^53 and was rounded by JSON.parse`);
  }
}

// Fields are read as `message.camelName ?? message.proto_name`: named loads, which V8 caches per call site,
// and JSON null counts as absent (proto3 JSON), which every helper below accepts.

/** The value as an array, or undefined when absent; anything else is a shape error at `path`. */
export function asArray(value: unknown, path: string): readonly unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value as readonly unknown[];
  throw new JsonShapeError(path, `expected an array, got ${jsonTypeOf(value)}`);
}

/** The value as an object, or undefined when absent. */
export function asObject(value: unknown, path: string): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
  throw new JsonShapeError(path, `expected an object, got ${jsonTypeOf(value)}`);
}

/** The value as a string, '' when absent. */
export function asString(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  throw new JsonShapeError(path, `expected a string, got ${jsonTypeOf(value)}`);
}

/** A 32-bit unsigned field (flags, counts): a number, or a decimal string as proto3 JSON allows. */
export function asUint32(value: unknown, path: string): number {
  if (value === undefined || value === null) return 0;
  const number = typeof value === 'string' && value !== '' ? Number(value) : value;
  if (typeof number === 'number' && Number.isInteger(number) && number >= 0 && number <= 0xffff_ffff) return number;
  throw new JsonShapeError(path, `expected an unsigned 32-bit integer, got ${describe(value)}`);
}

/** An enum field: its number, or its name looked up in `names`. */
export function asEnum(value: unknown, names: ReadonlyMap<string, number>, path: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string') {
    const number = names.get(value);
    if (number !== undefined) return number;
    throw new JsonShapeError(path, `unknown enum name ${JSON.stringify(value.slice(0, 64))}`);
  }
  throw new JsonShapeError(path, `expected an enum number or name, got ${describe(value)}`);
}

const MAX_UINT64 = 0xffff_ffff_ffff_ffffn;
const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;

/** A fixed64 time in nanoseconds: a decimal string or an integer number, kept exact as bigint. */
export function asNanos(value: unknown, path: string): bigint {
  if (typeof value === 'string') {
    const first = value.charCodeAt(0);
    if (first >= 0x30 && first <= 0x39) {
      try {
        const nanos = BigInt(value);
        if (value.length < 20 || nanos <= MAX_UINT64) return nanos;
      } catch {
        // reported below
      }
    }
  } else if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0) {
      if (value <= Number.MAX_SAFE_INTEGER) return BigInt(value);
      throw new InexactNumberSignal(path, value);
    }
  } else if (value === undefined || value === null) {
    return 0n;
  }
  throw new JsonShapeError(path, `expected unsigned 64-bit nanoseconds, got ${describe(value)}`);
}

/** An int64 value: a number when it is exact as one, a bigint beyond 2^53. */
export function asInt64(value: unknown, path: string): number | bigint {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return value;
    if (Number.isInteger(value)) throw new InexactNumberSignal(path, value);
  } else if (typeof value === 'string' && value !== '') {
    const number = Number(value);
    if (Number.isSafeInteger(number)) return number;
    try {
      const big = BigInt(value);
      if (big >= MIN_INT64 && big <= MAX_INT64) return big;
    } catch {
      // reported below
    }
  }
  throw new JsonShapeError(path, `expected a 64-bit integer, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return String(value);
  return jsonTypeOf(value);
}
