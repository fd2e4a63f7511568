import type { SpanRecord } from '../../model/span.js';
import { rejectionReason } from './_internals/rejection.js';
import type { DecodedBatch } from './decoded.js';
import { TraceIdCache } from './protobuf-ids.js';
import { readProtobufRequest } from './protobuf-request.js';
import { readSpan } from './protobuf-span.js';

/** Decodes a protobuf ExportTraceServiceRequest into span records; throws OtlpDecodeError when unusable. */
export function decodeTracesProtobuf(body: Uint8Array): DecodedBatch<SpanRecord> {
  const records: SpanRecord[] = [];
  const rejected: string[] = [];
  const traceIds = new TraceIdCache();
  readProtobufRequest(body, (reader, strings, end, resource, scope, place) => {
    const outcome = readSpan(reader, strings, end, resource, scope, traceIds);
    if ('problem' in outcome) {
      const where = `resourceSpans[${place.resource}].scopeSpans[${place.scope}].spans[${place.item}]`;
      rejected.push(rejectionReason(where, outcome.name, outcome.problem));
    } else {
      records.push(outcome);
    }
  });
  return { records, rejected };
}
