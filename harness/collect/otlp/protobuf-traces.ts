import type { SpanRecord } from '../../model/span.js';
import { stagedRecord } from '../span-table/staged-record.js';
import type { DecodedBatch } from './decoded.js';
import { stageTracesProtobuf } from './protobuf-staged-traces.js';

/**
 * Decodes a protobuf ExportTraceServiceRequest into span records; throws OtlpDecodeError when unusable. The
 * receiver stores the staged batch directly; this reads the same staging back as records, so there is one
 * protobuf span decoder.
 */
export function decodeTracesProtobuf(body: Uint8Array): DecodedBatch<SpanRecord> {
  const { batch, rejected } = stageTracesProtobuf(body);
  const records: SpanRecord[] = [];
  for (let span = 0; span < batch.count; span++) records.push(stagedRecord(batch, span));
  return { records, rejected };
}
