import type { SpanRecord } from '../../model/span.js';
import type { HopVia } from '../../report/report-checks.js';
import { attributeOf } from './span-fields.js';

const HTTP_KEYS = ['http.request.method', 'http.method', 'url.full', 'http.url'];

/** How a hop crosses, read from its upstream span (and downstream span when known): OTel semconv attributes. */
export function hopVia(upstream: SpanRecord, downstream: SpanRecord | undefined): HopVia {
  const spans = downstream === undefined ? [upstream] : [upstream, downstream];
  if (spans.some((span) => span.kind === 'producer' || span.kind === 'consumer')) return 'messaging';
  if (spans.some((span) => span.attributes['messaging.system'] !== undefined)) return 'messaging';
  if (spans.some((span) => span.attributes['rpc.system'] !== undefined)) return 'rpc';
  if (spans.some((span) => HTTP_KEYS.some((key) => span.attributes[key] !== undefined))) return 'http';
  return 'other';
}

const DESTINATION_KEYS = ['messaging.destination.name', 'peer.service', 'server.address', 'net.peer.name'];

/** Kind, name and destination of an exit span: exit spans alike in these go to the same service. */
export function exitSignature(span: SpanRecord): string {
  let destination = '';
  for (const key of DESTINATION_KEYS) {
    const value = attributeOf(span, key);
    if (typeof value === 'string' || typeof value === 'number') {
      destination = String(value);
      break;
    }
  }
  return `${span.kind}\u0000${span.name}\u0000${destination}`;
}
