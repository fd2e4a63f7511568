import { EMPTY_ATTRIBUTES } from '../../model/attributes.js';
import type { AttributeValue } from '../../model/attributes.js';
import { SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH } from '../../model/ids.js';
import type { LogRecord } from '../../model/log.js';
import type { Resource, Scope } from '../../model/span.js';
import type { MutableAttributes } from './_internals/attribute-map.js';
import { idBytesToHex } from './_internals/hex-id.js';
import { OTLP_LOG_SOURCE } from './_internals/log-source.js';
import { readAnyValue, readAttribute } from './protobuf-anyvalue.js';
import { protobufIdProblem } from './protobuf-ids.js';
import type { ProtobufReader } from './protobuf-reader.js';
import type { ProtobufStrings } from './protobuf-strings.js';

/** The outcome for one log: its record, or what is wrong with its ids. */
export type ProtobufLogOutcome = LogRecord | { readonly problem: string };

/** Reads one LogRecord message ending at `end`; malformed bytes throw, unusable ids come back as a problem. */
export function readLogRecord(
  reader: ProtobufReader,
  strings: ProtobufStrings,
  end: number,
  resource: Resource,
  scope: Scope,
): ProtobufLogOutcome {
  let time = 0n;
  let observedTimeUnixNano = 0n;
  let severityNumber = 0;
  let severityText = '';
  let body: AttributeValue = null;
  let attributes: MutableAttributes | undefined;
  let flags = 0;
  let traceIdAt = 0;
  let traceIdLength = 0;
  let spanIdAt = 0;
  let spanIdLength = 0;
  while (reader.pos < end) {
    const tag = reader.tag(end);
    switch (tag) {
      case 0x09:
        time = reader.fixed64(end, 1);
        break;
      case 0x59:
        observedTimeUnixNano = reader.fixed64(end, 11);
        break;
      case 0x10:
        // an int32 enum: negative numbers arrive as 10-byte varints whose low 32 bits are the value
        severityNumber = reader.varint32(end, 2) | 0;
        break;
      case 0x1a: {
        const stop = reader.lengthDelimited(end, 3);
        severityText = strings.interned(reader.pos, stop);
        reader.pos = stop;
        break;
      }
      case 0x2a: {
        const stop = reader.lengthDelimited(end, 5);
        body = readAnyValue(reader, strings, stop, 0);
        break;
      }
      case 0x32:
        attributes = readAttribute(reader, strings, end, 6, attributes);
        break;
      case 0x45:
        flags = reader.fixed32(end, 8);
        break;
      case 0x4a:
      case 0x52: {
        const stop = reader.lengthDelimited(end, tag >>> 3);
        if (tag === 0x4a) {
          traceIdAt = reader.pos;
          traceIdLength = stop - reader.pos;
        } else {
          spanIdAt = reader.pos;
          spanIdLength = stop - reader.pos;
        }
        reader.pos = stop;
        break;
      }
      default:
        reader.skip(tag, end);
    }
  }
  const bytes = reader.bytes;
  const problem =
    (traceIdLength === 0
      ? undefined
      : protobufIdProblem(bytes, 'traceId', traceIdAt, traceIdLength, TRACE_ID_HEX_LENGTH)) ??
    (spanIdLength === 0 ? undefined : protobufIdProblem(bytes, 'spanId', spanIdAt, spanIdLength, SPAN_ID_HEX_LENGTH));
  if (problem !== undefined) return { problem };
  return {
    timeUnixNano: time === 0n ? observedTimeUnixNano : time,
    observedTimeUnixNano,
    severityNumber,
    severityText,
    body,
    attributes: attributes ?? EMPTY_ATTRIBUTES,
    traceId: traceIdLength === 0 ? '' : idBytesToHex(bytes, traceIdAt, 16),
    spanId: spanIdLength === 0 ? '' : idBytesToHex(bytes, spanIdAt, 8),
    traceFlags: flags & 0xff,
    service: resource.serviceName,
    resource,
    scope,
    source: OTLP_LOG_SOURCE,
  };
}
