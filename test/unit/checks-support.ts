// Hand-built forests and request records for the checks tests: requests enter api, which hands work to worker.
import { assembleForest } from '../../harness/forest/assemble-forest.js';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import type { Attributes } from '../../harness/model/attributes.js';
import type { LogRecord } from '../../harness/model/log.js';
import type { SpanEvent, SpanKind, SpanLink, SpanRecord } from '../../harness/model/span.js';
import { NO_EVENTS, NO_LINKS, STATUS_ERROR, STATUS_UNSET } from '../../harness/model/span.js';
import type { RequestRecord } from '../../harness/traffic/request-record.js';
import type { CheckInput } from '../../harness/checks/index.js';

export const BASE_MS = 1_700_000_000_000;
const scope = { name: 'checks-test', version: '', attributes: EMPTY_ATTRIBUTES };

/** 32 hex characters from a number and a one-digit namespace. */
export const traceHex = (n: number, space = 1): string => `${space}${n.toString(16).padStart(31, '0')}`;
export const spanHex = (n: number, space: number): string => `${space.toString(16)}${n.toString(16).padStart(15, '0')}`;

export interface SpanSketch {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: SpanKind;
  readonly service: string;
  readonly startMs: number;
  readonly error?: boolean;
  readonly attributes?: Attributes;
  readonly events?: readonly SpanEvent[];
  readonly links?: readonly SpanLink[];
  readonly traceFlags?: number;
  readonly endMs?: number;
}

/** A full SpanRecord from the fields a test cares about; times are ms after BASE_MS. */
export function span(sketch: SpanSketch): SpanRecord {
  const start = BigInt(BASE_MS + sketch.startMs) * 1_000_000n;
  return {
    traceId: sketch.traceId,
    spanId: sketch.spanId,
    parentSpanId: sketch.parentSpanId ?? '',
    name: sketch.name,
    kind: sketch.kind,
    startTimeUnixNano: start,
    endTimeUnixNano: sketch.endMs === undefined ? start + 2_000_000n : BigInt(sketch.endMs),
    status: sketch.error === true ? STATUS_ERROR : STATUS_UNSET,
    attributes: sketch.attributes ?? EMPTY_ATTRIBUTES,
    events: sketch.events ?? NO_EVENTS,
    links: sketch.links ?? NO_LINKS,
    resource: { serviceName: sketch.service, attributes: EMPTY_ATTRIBUTES },
    scope,
    traceFlags: sketch.traceFlags ?? 1,
    traceState: '',
  };
}

/** A complete `exception` event. */
export function exceptionEvent(startMs: number): SpanEvent {
  return {
    name: 'exception',
    timeUnixNano: BigInt(BASE_MS + startMs) * 1_000_000n,
    attributes: {
      'exception.type': 'Error',
      'exception.message': 'boom',
      'exception.stacktrace': 'Error: boom\n  at x',
    },
  };
}

/** What happens to request i's hop from api to worker. */
export type HopFate =
  | 'child'
  | 'link'
  | 'restarted-message-id'
  | 'restarted-baggage'
  | 'restarted-timing'
  | 'orphaned'
  | 'missing'
  | 'unsampled'
  | 'no-hop';

export interface RequestPlan {
  readonly hop?: HopFate;
  /** False: api produced no entry span for the request. */
  readonly entry?: boolean;
  readonly status?: number;
  readonly apiError?: 'recorded' | 'no-event' | 'no-status';
}

/** The ids of request i (0-based). */
export function idsOf(i: number): { traceId: string; injected: string; server: string; producer: string } {
  return {
    traceId: traceHex(i + 1),
    injected: spanHex(i + 1, 0xf),
    server: spanHex(i + 1, 0xa),
    producer: spanHex(i + 1, 0xb),
  };
}

/** A request record as the driver leaves it for request i. */
export function recordOf(i: number, plan: RequestPlan = {}, route = 'POST /orders'): RequestRecord {
  const { traceId, injected } = idsOf(i);
  return {
    seq: i + 1,
    route,
    method: 'POST',
    url: 'http://127.0.0.1:1/orders',
    traceId,
    spanId: injected,
    correlation: 'traceparent',
    requestId: undefined,
    status: plan.status ?? 200,
    error: undefined,
    timings: { startUnixMs: BASE_MS + i * 100, connectMs: 0, ttfbMs: 1, totalMs: 5 },
    bytesReceived: 2,
  };
}

/** The spans of request i: api server, api producer, and worker's consumer as the fate says. */
export function spansOf(i: number, plan: RequestPlan = {}): SpanRecord[] {
  const { traceId, injected, server, producer } = idsOf(i);
  const t = i * 100;
  const spans: SpanRecord[] = [];
  if (plan.entry !== false) {
    const error = plan.apiError;
    spans.push(
      span({
        traceId,
        spanId: server,
        parentSpanId: injected,
        name: 'POST /orders',
        kind: 'server',
        service: 'api',
        startMs: t,
        error: error === 'recorded' || error === 'no-event',
        events: error === 'recorded' ? [exceptionEvent(t)] : NO_EVENTS,
        attributes: { 'http.request.method': 'POST', 'http.response.status_code': plan.status ?? 200 },
      }),
    );
  }
  const hop = plan.hop ?? 'child';
  if (hop === 'no-hop') return spans;
  const messageId = `msg-${i}`;
  spans.push(
    span({
      traceId,
      spanId: producer,
      parentSpanId: server,
      name: 'orders publish',
      kind: 'producer',
      service: 'api',
      startMs: t + 1,
      attributes: { 'messaging.message.id': messageId, 'messaging.destination.name': 'orders' },
    }),
  );
  const consumer = {
    spanId: spanHex(i + 1, 0xc),
    name: 'orders process',
    kind: 'consumer' as const,
    service: 'worker',
    startMs: t + 3,
  };
  const newTrace = traceHex(i + 1, 2);
  switch (hop) {
    case 'child':
      spans.push(span({ ...consumer, traceId, parentSpanId: producer }));
      break;
    case 'link':
      spans.push(
        span({
          ...consumer,
          traceId: newTrace,
          links: [{ traceId, spanId: producer, traceState: '', attributes: EMPTY_ATTRIBUTES }],
        }),
      );
      break;
    case 'restarted-message-id':
      spans.push(span({ ...consumer, traceId: newTrace, attributes: { 'messaging.message.id': messageId } }));
      break;
    case 'restarted-baggage':
      spans.push(span({ ...consumer, traceId: newTrace, attributes: { 'tracegate.req': i + 1 } }));
      break;
    case 'restarted-timing':
      spans.push(span({ ...consumer, traceId: newTrace }));
      break;
    case 'orphaned':
      spans.push(span({ ...consumer, traceId, parentSpanId: spanHex(i + 1, 0xd) }));
      break;
    case 'unsampled':
      spans.push(span({ ...consumer, traceId, parentSpanId: producer, traceFlags: 0 }));
      break;
    case 'missing':
      break;
  }
  return spans;
}

/** Check input for requests planned one by one. */
export function inputOf(plans: readonly RequestPlan[], extra: Partial<CheckInput> = {}): CheckInput {
  const records = plans.map((plan, i) => recordOf(i, plan));
  const forest = assembleForest(plans.flatMap((plan, i) => spansOf(i, plan)));
  return { records, forest, ...extra };
}

/** A log line of `service` (times after BASE_MS). */
export function log(
  service: string,
  body: string,
  ids: { traceId?: string; spanId?: string } = {},
  attributes: Attributes = EMPTY_ATTRIBUTES,
): LogRecord {
  const time = BigInt(BASE_MS) * 1_000_000n;
  return {
    timeUnixNano: time,
    observedTimeUnixNano: time,
    severityNumber: 9,
    severityText: 'INFO',
    body,
    attributes,
    traceId: ids.traceId ?? '',
    spanId: ids.spanId ?? '',
    traceFlags: ids.traceId === undefined ? 0 : 1,
    service,
    resource: { serviceName: service, attributes: EMPTY_ATTRIBUTES },
    scope,
    source: { kind: 'otlp' },
  };
}

/** `count` plans of `base`, with `fate` for the indexes `picked` returns true for. */
export function plansWith(
  count: number,
  picked: (i: number) => boolean,
  fate: RequestPlan,
  base: RequestPlan = {},
): RequestPlan[] {
  return Array.from({ length: count }, (_, i) => (picked(i) ? fate : base));
}
