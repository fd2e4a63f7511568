import type { Store } from '../store.js';
import { decodeLogsJson } from './json-logs.js';
import { decodeTracesJson } from './json-traces.js';
import { decodeLogsProtobuf } from './protobuf-logs.js';
import { decodeTracesProtobuf } from './protobuf-traces.js';
import type { OtlpFormat } from './responses.js';

/** What one export body added to the store. */
export interface IngestResult {
  readonly received: number;
  /** One reason per refused item, for partialSuccess. */
  readonly rejected: readonly string[];
}

/**
 * Decodes one complete export body and stores what it carries, in one synchronous step so no other batch can
 * interleave. Throws OtlpDecodeError for an undecodable body, leaving the store untouched.
 */
export function ingestBody(store: Store, signal: 'traces' | 'logs', format: OtlpFormat, body: Buffer): IngestResult {
  if (signal === 'traces') {
    const batch = format === 'json' ? decodeTracesJson(body) : decodeTracesProtobuf(body);
    store.addSpans(batch.records);
    if (batch.rejected.length > 0) store.countRejected('spans', batch.rejected.length);
    return { received: batch.records.length, rejected: batch.rejected };
  }
  const batch = format === 'json' ? decodeLogsJson(body) : decodeLogsProtobuf(body);
  store.addLogs(batch.records);
  if (batch.rejected.length > 0) store.countRejected('logs', batch.rejected.length);
  return { received: batch.records.length, rejected: batch.rejected };
}
