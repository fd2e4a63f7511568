import { OtlpDecodeError } from '../../errors.js';
import { InexactNumberSignal, JsonShapeError, jsonTypeOf } from './_internals/json-shape.js';
import type { JsonObject } from './_internals/json-shape.js';
import { quoteLongIntegers } from './json-long-integers.js';

const BYTE_ORDER_MARK = 0xfeff;

function parseObject(text: string, request: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new OtlpDecodeError(`${request}: invalid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new OtlpDecodeError(`${request}: expected a JSON object at the top level, got ${jsonTypeOf(parsed)}`);
  }
  return parsed as JsonObject;
}

function shapeToDecodeError(error: unknown, request: string): unknown {
  if (error instanceof JsonShapeError) return new OtlpDecodeError(`${request}: ${error.path}: ${error.problem}`);
  return error;
}

/**
 * Parses an OTLP/JSON body and decodes its top-level object, keeping 64-bit integers exact: when `decode`
 * meets a bare number JSON.parse has rounded, the text is parsed again with long bare integers quoted.
 * Structural problems become OtlpDecodeError naming the path, prefixed by `request`.
 */
export function decodeJsonRequest<T>(body: Buffer | string, request: string, decode: (message: JsonObject) => T): T {
  let text = typeof body === 'string' ? body : body.toString('utf8');
  if (text.charCodeAt(0) === BYTE_ORDER_MARK) text = text.slice(1);
  const message = parseObject(text, request);
  try {
    return decode(message);
  } catch (error) {
    if (!(error instanceof InexactNumberSignal)) throw shapeToDecodeError(error, request);
  }
  try {
    return decode(parseObject(quoteLongIntegers(text), request));
  } catch (error) {
    if (error instanceof InexactNumberSignal) {
      // still rounded after quoting: written with a fraction or an exponent, so not exact in the text either
      throw new OtlpDecodeError(`${request}: ${error.path}: ${error.value} is beyond 2^53; write it as a string`);
    }
    throw shapeToDecodeError(error, request);
  }
}
