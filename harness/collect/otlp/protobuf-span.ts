import { EMPTY_ATTRIBUTES } from '../../model/attributes.js';
import { SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH } from '../../model/ids.js';
import { NO_EVENTS, NO_LINKS } from '../../model/span.js';
import type { Resource, Scope, SpanEvent, SpanLink, SpanRecord } from '../../model/span.js';
import type { MutableAttributes } from './_internals/attribute-map.js';
import { spanKindOf, spanStatusOf } from './_internals/enums.js';
import { idBytesToHex } from './_internals/hex-id.js';
import { readAttribute } from './protobuf-anyvalue.js';
import { readEvent, readLink, readStatus } from './protobuf-span-parts.js';
import { protobufIdProblem } from './protobuf-ids.js';
import type { TraceIdCache } from './protobuf-ids.js';
import type { ProtobufReader } from './protobuf-reader.js';
import type { ProtobufStrings } from './protobuf-strings.js';

/** The outcome for one span: its record, or what is wrong with its ids (and its name, for the message). */
export type ProtobufSpanOutcome = SpanRecord | { readonly problem: string; readonly name: string };

/** Reads one Span message ending at `end`; malformed bytes throw, unusable ids come back as a problem. */
export function readSpan(
  reader: ProtobufReader,
  strings: ProtobufStrings,
  end: number,
  resource: Resource,
  scope: Scope,
  traceIds: TraceIdCache,
): ProtobufSpanOutcome {
  let traceIdAt = 0;
  let traceIdLength = 0;
  let spanIdAt = 0;
  let spanIdLength = 0;
  let parentAt = 0;
  let parentLength = 0;
  let traceState = '';
  let name = '';
  let kind = 0;
  let startTimeUnixNano = 0n;
  let endTimeUnixNano = 0n;
  let attributes: MutableAttributes | undefined;
  let events: SpanEvent[] | undefined;
  let links: SpanLink[] | undefined;
  let linkProblem: string | undefined;
  let linkCount = 0;
  let status = spanStatusOf(0, '');
  let flags = 0;
  while (reader.pos < end) {
    const tag = reader.tag(end);
    switch (tag) {
      case 0x0a:
      case 0x12:
      case 0x22: {
        const stop = reader.lengthDelimited(end, tag >>> 3);
        const length = stop - reader.pos;
        if (tag === 0x0a) {
          traceIdAt = reader.pos;
          traceIdLength = length;
        } else if (tag === 0x12) {
          spanIdAt = reader.pos;
          spanIdLength = length;
        } else {
          parentAt = reader.pos;
          parentLength = length;
        }
        reader.pos = stop;
        break;
      }
      case 0x1a:
      case 0x2a: {
        const stop = reader.lengthDelimited(end, tag >>> 3);
        if (tag === 0x2a) name = strings.interned(reader.pos, stop);
        else traceState = strings.interned(reader.pos, stop);
        reader.pos = stop;
        break;
      }
      case 0x30:
        kind = reader.varint32(end, 6);
        break;
      case 0x39:
        startTimeUnixNano = reader.fixed64(end, 7);
        break;
      case 0x41:
        endTimeUnixNano = reader.fixed64(end, 8);
        break;
      case 0x4a:
        attributes = readAttribute(reader, strings, end, 9, attributes);
        break;
      case 0x5a: {
        const stop = reader.lengthDelimited(end, 11);
        (events ??= []).push(readEvent(reader, strings, stop));
        break;
      }
      case 0x6a: {
        const stop = reader.lengthDelimited(end, 13);
        const link = readLink(reader, strings, stop);
        if (typeof link !== 'string') (links ??= []).push(link);
        else linkProblem ??= `links[${linkCount}].${link}`;
        linkCount++;
        break;
      }
      case 0x7a:
        status = readStatus(reader, strings, reader.lengthDelimited(end, 15));
        break;
      case 0x85: // field 16 (flags), fixed32: the tag takes two bytes, 0x85 0x01, read as one varint
        flags = reader.fixed32(end, 16);
        break;
      default:
        reader.skip(tag, end);
    }
  }
  const bytes = reader.bytes;
  const problem =
    protobufIdProblem(bytes, 'traceId', traceIdAt, traceIdLength, TRACE_ID_HEX_LENGTH) ??
    protobufIdProblem(bytes, 'spanId', spanIdAt, spanIdLength, SPAN_ID_HEX_LENGTH) ??
    (parentLength === 0
      ? undefined
      : protobufIdProblem(bytes, 'parentSpanId', parentAt, parentLength, SPAN_ID_HEX_LENGTH)) ??
    linkProblem;
  if (problem !== undefined) return { problem, name };
  return {
    traceId: traceIds.hex(bytes, traceIdAt),
    spanId: idBytesToHex(bytes, spanIdAt, 8),
    parentSpanId: parentLength === 0 ? '' : idBytesToHex(bytes, parentAt, 8),
    name,
    kind: spanKindOf(kind),
    startTimeUnixNano,
    endTimeUnixNano,
    status,
    attributes: attributes ?? EMPTY_ATTRIBUTES,
    events: events ?? NO_EVENTS,
    links: links ?? NO_LINKS,
    resource,
    scope,
    traceFlags: flags & 0xff,
    traceState,
  };
}
