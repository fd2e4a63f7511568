import { EMPTY_ATTRIBUTES } from '../../model/attributes.js';
import { SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH } from '../../model/ids.js';
import type { SpanEvent, SpanLink, SpanStatus } from '../../model/span.js';
import type { MutableAttributes } from './_internals/attribute-map.js';
import { spanStatusOf } from './_internals/enums.js';
import { idBytesToHex } from './_internals/hex-id.js';
import { readAttribute } from './protobuf-anyvalue.js';
import { protobufIdProblem } from './protobuf-ids.js';
import type { ProtobufReader } from './protobuf-reader.js';
import type { ProtobufStrings } from './protobuf-strings.js';

/** Reads one Span.Event message ending at `end`. */
export function readEvent(reader: ProtobufReader, strings: ProtobufStrings, end: number): SpanEvent {
  let name = '';
  let timeUnixNano = 0n;
  let attributes: MutableAttributes | undefined;
  while (reader.pos < end) {
    const tag = reader.tag(end);
    if (tag === 0x09) {
      timeUnixNano = reader.fixed64(end, 1);
    } else if (tag === 0x12) {
      const stop = reader.lengthDelimited(end, 2);
      name = strings.interned(reader.pos, stop);
      reader.pos = stop;
    } else if (tag === 0x1a) {
      attributes = readAttribute(reader, strings, end, 3, attributes);
    } else {
      reader.skip(tag, end);
    }
  }
  return { name, timeUnixNano, attributes: attributes ?? EMPTY_ATTRIBUTES };
}

/** Reads one Span.Link message ending at `end`: the link, or the problem with its ids. */
export function readLink(reader: ProtobufReader, strings: ProtobufStrings, end: number): SpanLink | string {
  let traceIdAt = 0;
  let traceIdLength = 0;
  let spanIdAt = 0;
  let spanIdLength = 0;
  let traceState = '';
  let attributes: MutableAttributes | undefined;
  while (reader.pos < end) {
    const tag = reader.tag(end);
    if (tag === 0x0a || tag === 0x12 || tag === 0x1a) {
      const stop = reader.lengthDelimited(end, tag >>> 3);
      if (tag === 0x0a) {
        traceIdAt = reader.pos;
        traceIdLength = stop - reader.pos;
      } else if (tag === 0x12) {
        spanIdAt = reader.pos;
        spanIdLength = stop - reader.pos;
      } else {
        traceState = strings.interned(reader.pos, stop);
      }
      reader.pos = stop;
    } else if (tag === 0x22) {
      attributes = readAttribute(reader, strings, end, 4, attributes);
    } else {
      reader.skip(tag, end);
    }
  }
  const bytes = reader.bytes;
  const problem =
    protobufIdProblem(bytes, 'traceId', traceIdAt, traceIdLength, TRACE_ID_HEX_LENGTH) ??
    protobufIdProblem(bytes, 'spanId', spanIdAt, spanIdLength, SPAN_ID_HEX_LENGTH);
  if (problem !== undefined) return problem;
  return {
    traceId: idBytesToHex(bytes, traceIdAt, 16),
    spanId: idBytesToHex(bytes, spanIdAt, 8),
    traceState,
    attributes: attributes ?? EMPTY_ATTRIBUTES,
  };
}

/** Reads one Status message ending at `end`; messageless statuses are the shared constants. */
export function readStatus(reader: ProtobufReader, strings: ProtobufStrings, end: number): SpanStatus {
  let code = 0;
  let message = '';
  while (reader.pos < end) {
    const tag = reader.tag(end);
    if (tag === 0x18) {
      code = reader.varint32(end, 3);
    } else if (tag === 0x12) {
      const stop = reader.lengthDelimited(end, 2);
      message = strings.interned(reader.pos, stop);
      reader.pos = stop;
    } else {
      reader.skip(tag, end);
    }
  }
  return spanStatusOf(code, message);
}
