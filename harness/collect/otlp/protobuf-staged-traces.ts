import type { Resource, Scope } from '../../model/span.js';
import { SpanBatch } from '../span-table/span-batch.js';
import { rejectionReason } from './_internals/rejection.js';
import { TraceIdCache } from './protobuf-ids.js';
import { readProtobufRequest } from './protobuf-request.js';
import { stageSpan } from './protobuf-staged-span.js';

/** A body's valid spans staged for the store, and one reason per refused span. */
export interface StagedTraces {
  readonly batch: SpanBatch;
  readonly rejected: readonly string[];
}

/**
 * Decodes a protobuf ExportTraceServiceRequest straight into a staged batch (no span records); throws
 * OtlpDecodeError when unusable. Stores the same spans, refusals and messages as `decodeTracesProtobuf`.
 */
export function stageTracesProtobuf(body: Uint8Array): StagedTraces {
  const batch = new SpanBatch();
  const rejected: string[] = [];
  const traceIds = new TraceIdCache();
  let lastResource: Resource | undefined;
  let lastScope: Scope | undefined;
  let origin = -1;
  readProtobufRequest(body, (reader, strings, end, resource, scope, place) => {
    if (resource !== lastResource || scope !== lastScope) {
      origin = batch.origins.push({ resource, scope }) - 1;
      lastResource = resource;
      lastScope = scope;
    }
    const problem = stageSpan(reader, strings, end, origin, batch, traceIds);
    if (problem !== undefined) {
      const where = `resourceSpans[${place.resource}].scopeSpans[${place.scope}].spans[${place.item}]`;
      rejected.push(rejectionReason(where, problem.name, problem.problem));
    }
  });
  batch.trim();
  return { batch, rejected };
}
