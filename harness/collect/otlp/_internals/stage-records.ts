import type { Resource, Scope, SpanRecord } from '../../../model/span.js';
import { parseSpanId } from '../../span-table/hex-words.js';
import {
  B_BITS,
  B_END_HIGH,
  B_END_LOW,
  B_EXTRAS,
  B_ORIGIN,
  B_PARENT_HIGH,
  B_PARENT_LOW,
  B_SPAN_HIGH,
  B_SPAN_LOW,
  B_START_HIGH,
  B_START_LOW,
  SpanBatch,
} from '../../span-table/span-batch.js';
import { HAS_PARENT, STATUS_SHIFT, TRACE_FLAGS_SHIFT } from '../../span-table/span-rows.js';
import { kindIndex, statusIndex } from '../../span-table/table-parts.js';

const idWords = new Int32Array(2);

/**
 * Decoded records staged as a batch (in a decode worker, so the receiving thread gets words, not objects). The
 * records come from tracegate's decoders: ids are valid lowercase hex and times fit 64 bits.
 */
export function stageRecords(records: readonly SpanRecord[]): SpanBatch {
  const batch = new SpanBatch();
  // Spans of several services interleave (trace by trace): each (resource, scope) pair is one origin of the batch.
  const origins = new Map<Resource, Map<Scope, number>>();
  let lastResource: Resource | undefined;
  let lastScope: Scope | undefined;
  let origin = -1;
  for (const span of records) {
    if (span.resource !== lastResource || span.scope !== lastScope) {
      lastResource = span.resource;
      lastScope = span.scope;
      let byScope = origins.get(lastResource);
      if (byScope === undefined) origins.set(lastResource, (byScope = new Map<Scope, number>()));
      const known = byScope.get(lastScope);
      origin = known ?? batch.origins.push({ resource: lastResource, scope: lastScope }) - 1;
      if (known === undefined) byScope.set(lastScope, origin);
    }
    const at = batch.begin();
    const words = batch.words;
    parseSpanId(span.spanId, idWords);
    words[at + B_SPAN_HIGH] = idWords[0]!;
    words[at + B_SPAN_LOW] = idWords[1]!;
    let bits =
      kindIndex(span.kind) | (statusIndex(span.status.code) << STATUS_SHIFT) | (span.traceFlags << TRACE_FLAGS_SHIFT);
    if (span.parentSpanId !== '') {
      bits |= HAS_PARENT;
      parseSpanId(span.parentSpanId, idWords);
      words[at + B_PARENT_HIGH] = idWords[0]!;
      words[at + B_PARENT_LOW] = idWords[1]!;
    }
    words[at + B_BITS] = bits;
    words[at + B_ORIGIN] = origin;
    words[at + B_START_LOW] = Number(span.startTimeUnixNano & 0xffff_ffffn);
    words[at + B_START_HIGH] = Number(span.startTimeUnixNano >> 32n);
    words[at + B_END_LOW] = Number(span.endTimeUnixNano & 0xffff_ffffn);
    words[at + B_END_HIGH] = Number(span.endTimeUnixNano >> 32n);
    const attributes = span.attributes;
    for (const key in attributes) batch.addAttribute(key, attributes[key]!);
    const { events, links, traceState } = span;
    const statusMessage = span.status.message;
    if (events.length !== 0 || links.length !== 0 || statusMessage !== '' || traceState !== '') {
      words[at + B_EXTRAS] = batch.extras.push({ events, links, statusMessage, traceState }) - 1;
    }
    batch.commit(at, span.traceId, span.name);
  }
  return batch;
}
