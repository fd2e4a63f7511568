import { EMPTY_ATTRIBUTES } from '../../model/attributes.js';
import type { Resource, Scope } from '../../model/span.js';
import type { MutableAttributes } from './_internals/attribute-map.js';
import { EMPTY_RESOURCE, EMPTY_SCOPE, sharedResource, sharedScope } from './_internals/shared-entities.js';
import { readAttribute } from './protobuf-anyvalue.js';
import type { ProtobufReader } from './protobuf-reader.js';
import type { ProtobufStrings } from './protobuf-strings.js';

/**
 * Finds the last occurrence of a length-delimited field in [start, end) (a singular message field: the last
 * one wins). Fields may come in any order, so the resource or scope can follow the spans that need it.
 */
export function locateField(reader: ProtobufReader, start: number, end: number, wantedTag: number): number {
  let found = -1;
  reader.pos = start;
  while (reader.pos < end) {
    const tag = reader.tag(end);
    if (tag === wantedTag) {
      found = reader.pos;
      reader.pos = reader.lengthDelimited(end, tag >>> 3);
    } else {
      reader.skip(tag, end);
    }
  }
  return found;
}

/** Reads the Resource whose length prefix starts at `at` (-1: absent); equal resources are one shared object. */
export function readResourceAt(reader: ProtobufReader, strings: ProtobufStrings, at: number, end: number): Resource {
  if (at === -1) return EMPTY_RESOURCE;
  reader.pos = at;
  const stop = reader.lengthDelimited(end, 1);
  let attributes: MutableAttributes | undefined;
  while (reader.pos < stop) {
    const tag = reader.tag(stop);
    if (tag === 0x0a) attributes = readAttribute(reader, strings, stop, 1, attributes);
    else reader.skip(tag, stop);
  }
  return sharedResource(attributes ?? EMPTY_ATTRIBUTES);
}

/** Reads the InstrumentationScope whose length prefix starts at `at` (-1: absent). */
export function readScopeAt(reader: ProtobufReader, strings: ProtobufStrings, at: number, end: number): Scope {
  if (at === -1) return EMPTY_SCOPE;
  reader.pos = at;
  const stop = reader.lengthDelimited(end, 1);
  let name = '';
  let version = '';
  let attributes: MutableAttributes | undefined;
  while (reader.pos < stop) {
    const tag = reader.tag(stop);
    if (tag === 0x0a || tag === 0x12) {
      const valueEnd = reader.lengthDelimited(stop, tag >>> 3);
      const text = strings.interned(reader.pos, valueEnd);
      if (tag === 0x0a) name = text;
      else version = text;
      reader.pos = valueEnd;
    } else if (tag === 0x1a) {
      attributes = readAttribute(reader, strings, stop, 3, attributes);
    } else {
      reader.skip(tag, stop);
    }
  }
  return sharedScope(name, version, attributes ?? EMPTY_ATTRIBUTES);
}
