import type { Resource, Scope } from '../../model/span.js';
import { ProtobufReader } from './protobuf-reader.js';
import { locateField, readResourceAt, readScopeAt } from './protobuf-resource.js';
import { ProtobufStrings } from './protobuf-strings.js';

/** Indices of an item in its request, for rejection messages: resource entry, scope entry, item. */
export interface ItemPlace {
  resource: number;
  scope: number;
  item: number;
}

/** Called for each span or log record with the reader positioned at its first byte. */
export type ProtobufItemReader = (
  reader: ProtobufReader,
  strings: ProtobufStrings,
  end: number,
  resource: Resource,
  scope: Scope,
  place: ItemPlace,
) => void;

// Both export requests nest the same way: field 1 holds resource entries; an entry holds its resource in field 1
// and scope entries in field 2; a scope entry holds its scope in field 1 and the items in field 2.
const ENTRY = 0x0a;
const HEAD = 0x0a;
const CHILD = 0x12;

/** Walks an ExportTraceServiceRequest or ExportLogsServiceRequest, handing every item to `readItem`. */
export function readProtobufRequest(bytes: Uint8Array, readItem: ProtobufItemReader): void {
  const reader = new ProtobufReader(bytes);
  const strings = new ProtobufStrings(bytes);
  const place: ItemPlace = { resource: 0, scope: 0, item: 0 };
  const end = bytes.length;
  while (reader.pos < end) {
    const tag = reader.tag(end);
    if (tag !== ENTRY) {
      reader.skip(tag, end);
      continue;
    }
    const stop = reader.lengthDelimited(end, 1);
    readResourceEntry(reader, strings, stop, place, readItem);
    reader.pos = stop;
    place.resource++;
  }
}

function readResourceEntry(
  reader: ProtobufReader,
  strings: ProtobufStrings,
  end: number,
  place: ItemPlace,
  readItem: ProtobufItemReader,
): void {
  const start = reader.pos;
  const resource = readResourceAt(reader, strings, locateField(reader, start, end, HEAD), end);
  place.scope = 0;
  reader.pos = start;
  while (reader.pos < end) {
    const tag = reader.tag(end);
    if (tag !== CHILD) {
      reader.skip(tag, end);
      continue;
    }
    const stop = reader.lengthDelimited(end, 2);
    readScopeEntry(reader, strings, stop, resource, place, readItem);
    reader.pos = stop;
    place.scope++;
  }
}

function readScopeEntry(
  reader: ProtobufReader,
  strings: ProtobufStrings,
  end: number,
  resource: Resource,
  place: ItemPlace,
  readItem: ProtobufItemReader,
): void {
  const start = reader.pos;
  const scope = readScopeAt(reader, strings, locateField(reader, start, end, HEAD), end);
  place.item = 0;
  reader.pos = start;
  while (reader.pos < end) {
    const tag = reader.tag(end);
    if (tag !== CHILD) {
      reader.skip(tag, end);
      continue;
    }
    const stop = reader.lengthDelimited(end, 2);
    readItem(reader, strings, stop, resource, scope, place);
    reader.pos = stop;
    place.item++;
  }
}
