import { EMPTY_ATTRIBUTES } from '../../model/attributes.js';
import type { AttributeValue, Attributes } from '../../model/attributes.js';
import { EMPTY_ARRAY_VALUE, MAX_ANY_VALUE_DEPTH, setAttribute } from './_internals/attribute-map.js';
import type { MutableAttributes } from './_internals/attribute-map.js';
import { int64Value } from './protobuf-reader.js';
import type { ProtobufReader } from './protobuf-reader.js';
import type { ProtobufStrings } from './protobuf-strings.js';

/** Reads one KeyValue message ending at `end` into `target` (the reader is left at `end`). */
export function readKeyValue(
  reader: ProtobufReader,
  strings: ProtobufStrings,
  end: number,
  target: MutableAttributes,
  depth: number,
): void {
  let key = '';
  let value: AttributeValue = null;
  while (reader.pos < end) {
    const tag = reader.tag(end);
    if (tag === 0x0a) {
      const stop = reader.lengthDelimited(end, 1);
      key = strings.interned(reader.pos, stop);
      reader.pos = stop;
    } else if (tag === 0x12) {
      const stop = reader.lengthDelimited(end, 2);
      value = readAnyValue(reader, strings, stop, depth);
      reader.pos = stop;
    } else {
      reader.skip(tag, end);
    }
  }
  setAttribute(target, key, value);
}

/** Reads a repeated KeyValue field's next entry into `attributes`, creating the map on the first entry. */
export function readAttribute(
  reader: ProtobufReader,
  strings: ProtobufStrings,
  end: number,
  field: number,
  attributes: MutableAttributes | undefined,
): MutableAttributes {
  const stop = reader.lengthDelimited(end, field);
  const target = attributes ?? {};
  readKeyValue(reader, strings, stop, target, 0);
  return target;
}

/** Reads an AnyValue message ending at `end`; an empty one is null. The last value field wins, as in a oneof. */
export function readAnyValue(
  reader: ProtobufReader,
  strings: ProtobufStrings,
  end: number,
  depth: number,
): AttributeValue {
  let value: AttributeValue = null;
  while (reader.pos < end) {
    const tag = reader.tag(end);
    switch (tag) {
      case 0x0a: {
        const stop = reader.lengthDelimited(end, 1);
        value = strings.value(reader.pos, stop);
        reader.pos = stop;
        break;
      }
      case 0x10:
        value = reader.varint32(end, 2) !== 0;
        break;
      case 0x18:
        reader.varint64(end, 3);
        value = int64Value(reader.low, reader.high);
        break;
      case 0x21:
        value = reader.double(end, 4);
        break;
      case 0x2a:
      case 0x32: {
        const field = tag >>> 3;
        const stop = reader.lengthDelimited(end, field);
        if (depth + 1 > MAX_ANY_VALUE_DEPTH) {
          throw reader.error(`AnyValue nested deeper than ${MAX_ANY_VALUE_DEPTH} levels in field ${field}`, reader.pos);
        }
        value =
          field === 5
            ? readArrayValue(reader, strings, stop, depth + 1)
            : readKeyValueList(reader, strings, stop, depth + 1);
        reader.pos = stop;
        break;
      }
      case 0x3a: {
        const stop = reader.lengthDelimited(end, 7);
        const offset = reader.bytes.byteOffset;
        // a copy: a view would keep the whole request body alive for as long as the span is stored
        value = new Uint8Array(reader.bytes.buffer.slice(offset + reader.pos, offset + stop));
        reader.pos = stop;
        break;
      }
      default:
        reader.skip(tag, end);
    }
  }
  return value;
}

function readArrayValue(
  reader: ProtobufReader,
  strings: ProtobufStrings,
  end: number,
  depth: number,
): readonly AttributeValue[] {
  const values: AttributeValue[] = [];
  while (reader.pos < end) {
    const tag = reader.tag(end);
    if (tag === 0x0a) {
      const stop = reader.lengthDelimited(end, 1);
      values.push(readAnyValue(reader, strings, stop, depth));
      reader.pos = stop;
    } else {
      reader.skip(tag, end);
    }
  }
  return values.length === 0 ? EMPTY_ARRAY_VALUE : values;
}

function readKeyValueList(reader: ProtobufReader, strings: ProtobufStrings, end: number, depth: number): Attributes {
  let entries: MutableAttributes | undefined;
  while (reader.pos < end) {
    const tag = reader.tag(end);
    if (tag === 0x0a) {
      const stop = reader.lengthDelimited(end, 1);
      entries ??= {};
      readKeyValue(reader, strings, stop, entries, depth);
      reader.pos = stop;
    } else {
      reader.skip(tag, end);
    }
  }
  return entries ?? EMPTY_ATTRIBUTES;
}
