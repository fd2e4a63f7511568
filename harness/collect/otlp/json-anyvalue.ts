import { EMPTY_ATTRIBUTES } from '../../model/attributes.js';
import type { AttributeValue, Attributes } from '../../model/attributes.js';
import { internJsonString } from './_internals/json-strings.js';
import { EMPTY_ARRAY_VALUE, MAX_ANY_VALUE_DEPTH, setAttribute } from './_internals/attribute-map.js';
import type { MutableAttributes } from './_internals/attribute-map.js';
import {
  JsonShapeError,
  asArray,
  asInt64,
  asObject,
  asString,
  jsonTypeOf,
  underPath,
} from './_internals/json-shape.js';
import type { JsonObject } from './_internals/json-shape.js';

/** Decodes an OTLP/JSON AnyValue; an empty or absent one is null. Paths in errors are relative to the value. */
export function decodeJsonAnyValue(value: unknown, depth = 0): AttributeValue {
  const message = asObject(value, '');
  if (message === undefined) return null;
  // camelCase first: it is what exporters send, and each probe that misses costs a lookup
  const text = message.stringValue;
  if (typeof text === 'string') return internJsonString(text);
  if (text === undefined || text === null) return decodeOtherKinds(message, depth);
  throw new JsonShapeError('stringValue', `expected a string, got ${jsonTypeOf(text)}`);
}

function decodeOtherKinds(message: JsonObject, depth: number): AttributeValue {
  let inner = message.intValue ?? message.int_value;
  if (inner !== undefined) return asInt64(inner, 'intValue');
  inner = message.boolValue ?? message.bool_value;
  if (inner !== undefined) {
    if (typeof inner === 'boolean') return inner;
    throw new JsonShapeError('boolValue', `expected a boolean, got ${jsonTypeOf(inner)}`);
  }
  inner = message.doubleValue ?? message.double_value;
  if (inner !== undefined) return asDouble(inner);
  inner = message.stringValue ?? message.string_value;
  if (inner !== undefined) return internJsonString(asString(inner, 'stringValue'));
  inner = message.arrayValue ?? message.array_value;
  if (inner !== undefined) return decodeArrayValue(inner, depth + 1);
  inner = message.kvlistValue ?? message.kvlist_value;
  if (inner !== undefined) {
    checkDepth(depth + 1, 'kvlistValue');
    const list = asObject(inner, 'kvlistValue');
    return list === undefined ? EMPTY_ATTRIBUTES : decodeJsonKeyValues(list.values, 'kvlistValue.values', depth + 1);
  }
  inner = message.bytesValue ?? message.bytes_value;
  if (inner !== undefined) return new Uint8Array(Buffer.from(asString(inner, 'bytesValue'), 'base64'));
  return null;
}

// proto3 JSON writes the non-finite doubles as strings
function asDouble(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  throw new JsonShapeError('doubleValue', `expected a number, got ${jsonTypeOf(value)}`);
}

function checkDepth(depth: number, path: string): void {
  if (depth > MAX_ANY_VALUE_DEPTH) {
    throw new JsonShapeError(path, `values nest deeper than ${MAX_ANY_VALUE_DEPTH} levels`);
  }
}

function decodeArrayValue(value: unknown, depth: number): readonly AttributeValue[] {
  checkDepth(depth, 'arrayValue');
  const message = asObject(value, 'arrayValue');
  const values = message === undefined ? undefined : asArray(message.values, 'arrayValue.values');
  if (values === undefined || values.length === 0) return EMPTY_ARRAY_VALUE;
  const decoded = new Array<AttributeValue>(values.length);
  for (let i = 0; i < values.length; i++) {
    try {
      decoded[i] = decodeJsonAnyValue(values[i], depth);
    } catch (error) {
      throw underPath(error, `arrayValue.values[${i}]`);
    }
  }
  return decoded;
}

/** Decodes a list of OTLP/JSON KeyValue (attributes, kvlist values) into a map; empty lists share one object. */
export function decodeJsonKeyValues(list: unknown, path: string, depth = 0): Attributes {
  const entries = asArray(list, path);
  if (entries === undefined || entries.length === 0) return EMPTY_ATTRIBUTES;
  const attributes: MutableAttributes = {};
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as { key?: unknown; value?: { stringValue?: unknown } } | null;
    // fast path for the commonest attribute, a string; anything else takes the checked path below
    const key = entry?.key;
    const text = entry?.value?.stringValue;
    if (typeof key === 'string' && typeof text === 'string') {
      setAttribute(attributes, internJsonString(key), internJsonString(text));
      continue;
    }
    try {
      const keyValue = asObject(entry, '');
      if (keyValue === undefined) continue; // proto3 JSON: null is the default (empty) message
      // interned even though V8 keeps property keys once: storing with a known key skips V8's own lookup
      const internedKey = internJsonString(asString(keyValue.key, 'key'));
      setAttribute(attributes, internedKey, decodeValueField(keyValue.value, depth));
    } catch (error) {
      throw underPath(error, `${path}[${i}]`);
    }
  }
  return attributes;
}

function decodeValueField(value: unknown, depth: number): AttributeValue {
  try {
    return decodeJsonAnyValue(value, depth);
  } catch (error) {
    throw underPath(error, 'value');
  }
}
