import type { LogRecord } from '../../model/log.js';
import type { SpanRecord } from '../../model/span.js';
import type { Store } from '../store.js';
import type { DecodedBatch } from './decoded.js';
import { decodeLogsJson } from './json-logs.js';
import { decodeTracesJson } from './json-traces.js';
import { decodeLogsProtobuf } from './protobuf-logs.js';
import { stageTracesProtobuf } from './protobuf-staged-traces.js';
import type { StagedTraces } from './protobuf-staged-traces.js';
import type { OtlpFormat } from './responses.js';

/** What one export body added to the store. */
export interface IngestResult {
  readonly received: number;
  /** One reason per refused item, for partialSuccess. */
  readonly rejected: readonly string[];
}

/** One body decoded and not yet stored: staged spans, span records or log records. */
export type DecodedExport =
  | { readonly staged: StagedTraces }
  | { readonly spans: DecodedBatch<SpanRecord> }
  | { readonly logs: DecodedBatch<LogRecord> };

/**
 * Decodes one complete export body without touching the store: protobuf spans go straight into a staged batch,
 * JSON spans and logs become records. Throws OtlpDecodeError for an undecodable body.
 */
export function decodeExport(signal: 'traces' | 'logs', format: OtlpFormat, body: Buffer): DecodedExport {
  if (signal === 'traces') {
    return format === 'protobuf' ? { staged: stageTracesProtobuf(body) } : { spans: decodeTracesJson(body) };
  }
  return { logs: format === 'json' ? decodeLogsJson(body) : decodeLogsProtobuf(body) };
}

/** Stores a decoded body in one synchronous step, so no other batch can interleave. */
export function storeExport(store: Store, decoded: DecodedExport): IngestResult {
  if ('staged' in decoded) {
    const { batch, rejected } = decoded.staged;
    store.addSpanBatch(batch);
    if (rejected.length > 0) store.countRejected('spans', rejected.length);
    return { received: batch.count, rejected };
  }
  if ('spans' in decoded) {
    const { records, rejected } = decoded.spans;
    store.addSpans(records);
    if (rejected.length > 0) store.countRejected('spans', rejected.length);
    return { received: records.length, rejected };
  }
  const { records, rejected } = decoded.logs;
  store.addLogs(records);
  if (rejected.length > 0) store.countRejected('logs', rejected.length);
  return { received: records.length, rejected };
}

/**
 * Decodes one complete export body and stores what it carries, in one synchronous step so no other batch can
 * interleave. Throws OtlpDecodeError for an undecodable body, leaving the store untouched.
 */
export function ingestBody(store: Store, signal: 'traces' | 'logs', format: OtlpFormat, body: Buffer): IngestResult {
  return storeExport(store, decodeExport(signal, format, body));
}
