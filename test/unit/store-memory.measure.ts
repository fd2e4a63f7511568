/**
 * Prints, as JSON, the heap (plus ArrayBuffer) bytes a Store retains per span after storing realistic spans
 * decoded from OTLP/JSON and from OTLP/protobuf, as the receiver would. Needs a clean heap and `gc`, so the memory
 * test starts it as `node --expose-gc --import tsx test/unit/store-memory.measure.ts [spans]`.
 */
import { realisticSpans } from '../../bench/_internals/realistic-spans.js';
import { decodeTracesJson } from '../../harness/collect/otlp/json-traces.js';
import { decodeTracesProtobuf } from '../../harness/collect/otlp/protobuf-traces.js';
import { Store } from '../../harness/collect/store.js';
import type { SpanRecord } from '../../harness/model/span.js';
import { encodeTracesProtobuf, toOtlpJson, toOtlpProtobufRequest } from '../support/otlp-proto.js';

const SPANS_PER_BODY = 512;
const spanCount = Number(process.argv[2] ?? 8192);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');

function retainedBytes(): number {
  gc!();
  gc!();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

// Bodies are encoded first; each is decoded just before it is stored, so only what the store keeps survives.
function bytesPerSpan(bodies: readonly Uint8Array[], decode: (body: Uint8Array) => readonly SpanRecord[]): number {
  const before = retainedBytes();
  const store = new Store();
  for (const body of bodies) store.addSpans(decode(body));
  const after = retainedBytes();
  if (store.counters().spansStored !== spanCount) throw new Error(`stored ${store.counters().spansStored} spans`);
  return (after - before) / spanCount;
}

// Two sets of bodies with different spans, so the second store cannot share strings with the first.
const jsonBodies: Uint8Array[] = [];
const protobufBodies: Uint8Array[] = [];
for (let body = 0; body < spanCount / SPANS_PER_BODY; body++) {
  jsonBodies.push(Buffer.from(JSON.stringify(toOtlpJson(realisticSpans(body, SPANS_PER_BODY)))));
  const protobufSpans = realisticSpans(body + 1_000, SPANS_PER_BODY);
  protobufBodies.push(encodeTracesProtobuf(toOtlpProtobufRequest(protobufSpans)));
}
const json = bytesPerSpan(jsonBodies, (body) => decodeTracesJson(Buffer.from(body)).records);
const protobuf = bytesPerSpan(protobufBodies, (body) => decodeTracesProtobuf(body).records);
console.log(JSON.stringify({ json, protobuf }));
