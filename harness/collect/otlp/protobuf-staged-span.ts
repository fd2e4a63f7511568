import { SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH } from '../../model/ids.js';
import type { AttributeValue } from '../../model/attributes.js';
import { NO_EVENTS, NO_LINKS } from '../../model/span.js';
import type { SpanEvent, SpanLink } from '../../model/span.js';
import {
  B_BITS,
  B_END_LOW,
  B_EXTRAS,
  B_ORIGIN,
  B_PARENT_HIGH,
  B_PARENT_LOW,
  B_SPAN_HIGH,
  B_SPAN_LOW,
  B_START_LOW,
} from '../span-table/span-batch.js';
import type { SpanBatch } from '../span-table/span-batch.js';
import { HAS_PARENT, STATUS_SHIFT, TRACE_FLAGS_SHIFT } from '../span-table/span-rows.js';
import { readAnyValue } from './protobuf-anyvalue.js';
import { protobufIdProblem } from './protobuf-ids.js';
import type { TraceIdCache } from './protobuf-ids.js';
import type { ProtobufReader } from './protobuf-reader.js';
import { readEvent, readLink } from './protobuf-span-parts.js';
import type { ProtobufStrings } from './protobuf-strings.js';

/** What is wrong with a span that was not staged (its ids), with its name for the message. */
export interface StagedSpanProblem {
  readonly problem: string;
  readonly name: string;
}

// A KeyValue message ending at `end`, added to the span being staged.
function stageKeyValue(reader: ProtobufReader, strings: ProtobufStrings, end: number, batch: SpanBatch): void {
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
      value = readAnyValue(reader, strings, stop, 0);
      reader.pos = stop;
    } else {
      reader.skip(tag, end);
    }
  }
  batch.addAttribute(key, value);
}

// A Status message ending at `end`: its code (unknown codes count as unset, as for records) and message.
function readStatusParts(
  reader: ProtobufReader,
  strings: ProtobufStrings,
  end: number,
): { code: number; message: string } {
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
  return { code: code <= 2 ? code : 0, message };
}

// The big-endian 32-bit word of an id at `at`, as row words hold it (signed).
function idWord(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
}

/**
 * Reads one Span message ending at `end` straight into `batch` (origin number `origin`): ids as words, times as
 * halves, no record. Malformed bytes throw; unusable ids leave nothing staged and come back as a problem.
 */
export function stageSpan(
  reader: ProtobufReader,
  strings: ProtobufStrings,
  end: number,
  origin: number,
  batch: SpanBatch,
  traceIds: TraceIdCache,
): StagedSpanProblem | undefined {
  const at = batch.begin();
  const words = batch.words;
  const view = reader.view;
  let traceIdAt = 0;
  let traceIdLength = 0;
  let spanIdAt = 0;
  let spanIdLength = 0;
  let parentAt = 0;
  let parentLength = 0;
  let traceState = '';
  let name = '';
  let kind = 0;
  let events: SpanEvent[] | undefined;
  let links: SpanLink[] | undefined;
  let linkProblem: string | undefined;
  let linkCount = 0;
  let statusCode = 0;
  let statusMessage = '';
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
      case 0x41: {
        // fixed64 times as two little-endian words: no bigint on this path
        reader.need(8, end, 'fixed64', tag >>> 3);
        const word = at + (tag === 0x39 ? B_START_LOW : B_END_LOW);
        words[word] = view.getInt32(reader.pos, true);
        words[word + 1] = view.getInt32(reader.pos + 4, true);
        reader.pos += 8;
        break;
      }
      case 0x4a: {
        const stop = reader.lengthDelimited(end, 9);
        stageKeyValue(reader, strings, stop, batch);
        reader.pos = stop;
        break;
      }
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
      case 0x7a: {
        const status = readStatusParts(reader, strings, reader.lengthDelimited(end, 15));
        statusCode = status.code;
        statusMessage = status.message;
        break;
      }
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
  if (problem !== undefined) {
    batch.discard(at);
    return { problem, name };
  }
  words[at + B_SPAN_HIGH] = idWord(bytes, spanIdAt);
  words[at + B_SPAN_LOW] = idWord(bytes, spanIdAt + 4);
  let bits = (kind <= 5 ? kind : 0) | (statusCode << STATUS_SHIFT) | ((flags & 0xff) << TRACE_FLAGS_SHIFT);
  if (parentLength !== 0) {
    bits |= HAS_PARENT;
    words[at + B_PARENT_HIGH] = idWord(bytes, parentAt);
    words[at + B_PARENT_LOW] = idWord(bytes, parentAt + 4);
  }
  words[at + B_BITS] = bits;
  words[at + B_ORIGIN] = origin;
  if (events !== undefined || links !== undefined || statusMessage !== '' || traceState !== '') {
    words[at + B_EXTRAS] =
      batch.extras.push({ events: events ?? NO_EVENTS, links: links ?? NO_LINKS, statusMessage, traceState }) - 1;
  }
  batch.commit(at, traceIds.hex(bytes, traceIdAt), name);
  return undefined;
}
