import type { Attributes } from '../../harness/model/attributes.js';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import type { Resource, Scope, SpanEvent, SpanKind, SpanRecord } from '../../harness/model/span.js';
import { NO_EVENTS, NO_LINKS, STATUS_ERROR, STATUS_UNSET } from '../../harness/model/span.js';
import type { RequestRecord } from '../../harness/traffic/request-record.js';
import type { LogRecord } from '../../harness/model/log.js';

/** Spans per request: api server → api internal → api producer → worker consumer → worker client → billing server. */
export const SPANS_PER_REQUEST = 6;

const ROUTES = ['POST /api/checkout', 'GET /api/orders/:id', 'POST /api/refunds'] as const;
const SCOPE: Scope = { name: '@opentelemetry/instrumentation-http', version: '0.223.1', attributes: EMPTY_ATTRIBUTES };

function makeResource(service: string): Resource {
  return {
    serviceName: service,
    attributes: {
      'service.name': service,
      'service.version': '1.4.2',
      'deployment.environment.name': 'staging',
      'telemetry.sdk.language': 'nodejs',
      'telemetry.sdk.name': 'opentelemetry',
      'host.name': 'ci-runner-7',
    },
  };
}

const API = makeResource('api');
const WORKER = makeResource('worker');
const BILLING = makeResource('billing');

function hex(value: number, length: number): string {
  return value.toString(16).padStart(length, '0');
}

/** The injected trace id and client span id of request `seq` (1-based), as the driver makes them. */
export function injectedIds(seq: number): { traceId: string; spanId: string } {
  return { traceId: hex(0x7e57_0000 + seq, 32), spanId: hex(0x00c1_0000_0000 + seq * 8, 16) };
}

function failed(seq: number): boolean {
  return seq % 50 === 0;
}

/** What the driver records for request `seq`: injected context, route, status and timings. */
export function requestRecord(seq: number): RequestRecord {
  const { traceId, spanId } = injectedIds(seq);
  const route = ROUTES[seq % ROUTES.length]!;
  const startUnixMs = 1_763_700_000_000 + seq * 0.5;
  return {
    seq,
    route,
    method: route.split(' ')[0]!,
    url: `http://127.0.0.1:8080${route.split(' ')[1]!.replace(':id', String(seq))}`,
    traceId,
    spanId,
    correlation: 'traceparent',
    requestId: undefined,
    status: failed(seq) ? 502 : 200,
    error: undefined,
    timings: { startUnixMs, connectMs: 0.1, ttfbMs: 4, totalMs: 5 },
    bytesReceived: 128,
  };
}

function exception(at: bigint, seq: number): readonly SpanEvent[] {
  return [
    {
      name: 'exception',
      timeUnixNano: at,
      attributes: {
        'exception.type': 'PaymentDeclinedError',
        'exception.message': `charge ${seq} declined`,
        'exception.stacktrace': 'PaymentDeclinedError: declined\n    at charge (billing.js:42:11)',
      },
    },
  ];
}

interface SpanShape {
  readonly kind: SpanKind;
  readonly resource: Resource;
  readonly name: (route: string) => string;
  readonly attributes: (seq: number, route: string, status: number) => Attributes;
}

const http = (seq: number, route: string, status: number, address: string): Attributes => ({
  'http.request.method': route.split(' ')[0]!,
  'url.full': `http://${address}:8080${route.split(' ')[1]!.replace(':id', String(seq))}`,
  'http.route': route.split(' ')[1]!,
  'http.response.status_code': status,
  'server.address': address,
  'server.port': 8080,
});
const messaging = (seq: number, operation: string): Attributes => ({
  'messaging.system': 'rabbitmq',
  'messaging.destination.name': 'payment.requested',
  'messaging.operation.type': operation,
  'messaging.message.id': `msg-${seq.toString(36)}`,
});

const SHAPES: readonly SpanShape[] = [
  { kind: 'server', resource: API, name: (r) => r, attributes: (s, r, st) => http(s, r, st, 'api.internal') },
  {
    kind: 'internal',
    resource: API,
    name: () => 'reserveStock',
    attributes: (s) => ({ 'code.function': 'reserveStock', 'app.order.id': s }),
  },
  { kind: 'producer', resource: API, name: () => 'payment.requested publish', attributes: (s) => messaging(s, 'send') },
  {
    kind: 'consumer',
    resource: WORKER,
    name: () => 'payment.requested process',
    attributes: (s) => messaging(s, 'process'),
  },
  {
    kind: 'client',
    resource: WORKER,
    name: () => 'POST',
    attributes: (s, _r, st) => http(s, 'POST /v1/charges', st, 'billing.example'),
  },
  {
    kind: 'server',
    resource: BILLING,
    name: () => 'POST /v1/charges',
    attributes: (s, _r, st) => http(s, 'POST /v1/charges', st, 'billing.example'),
  },
];

/** The spans request `seq` produces, parent before child, the entry span continuing the injected context. */
export function requestSpans(seq: number): SpanRecord[] {
  const record = requestRecord(seq);
  const { traceId, spanId: injected } = injectedIds(seq);
  const status = record.status!;
  const start = BigInt(Math.round(record.timings.startUnixMs * 1000)) * 1000n;
  const spans: SpanRecord[] = [];
  let parent = injected;
  SHAPES.forEach((shape, position) => {
    const spanId = hex(0x5a_0000_0000 + seq * 8 + position, 16);
    // The failure starts at billing and travels back up: billing and the api entry record it.
    const fails = failed(seq) && (position === 0 || position === 5);
    const at = start + BigInt(position) * 100_000n;
    spans.push({
      traceId,
      spanId,
      parentSpanId: parent,
      name: shape.name(record.route),
      kind: shape.kind,
      startTimeUnixNano: at,
      endTimeUnixNano: at + 4_000_000n - BigInt(position) * 200_000n,
      status: fails ? STATUS_ERROR : STATUS_UNSET,
      attributes: shape.attributes(seq, record.route, position === 5 || position === 0 ? status : 200),
      events: fails ? exception(at + 50_000n, seq) : NO_EVENTS,
      links: NO_LINKS,
      resource: shape.resource,
      scope: SCOPE,
      traceFlags: 1,
      traceState: '',
    });
    parent = spanId;
  });
  return spans;
}

/** One request-scoped log per request, from the api, carrying the entry span's ids. */
export function requestLog(seq: number): LogRecord {
  const { traceId } = injectedIds(seq);
  const at = BigInt(Math.round(requestRecord(seq).timings.startUnixMs * 1000)) * 1000n + 200_000n;
  return {
    timeUnixNano: at,
    observedTimeUnixNano: at,
    severityNumber: 9,
    severityText: 'INFO',
    body: `order ${seq} accepted`,
    attributes: { 'app.order.id': seq },
    traceId,
    spanId: hex(0x5a_0000_0000 + seq * 8, 16),
    traceFlags: 1,
    service: 'api',
    resource: API,
    scope: SCOPE,
    source: { kind: 'otlp' },
  };
}

/** Requests per export batch: about 512 spans, as a BatchSpanProcessor sends them. */
const REQUESTS_PER_BATCH = Math.floor(512 / SPANS_PER_REQUEST);

/**
 * The spans of requests `first..first+count-1` in export batches: each service exports its own spans of a block
 * of requests, so one trace's spans arrive in several batches, interleaved with other traces.
 */
export function* exportBatches(first: number, count: number): IterableIterator<SpanRecord[]> {
  for (let block = first; block < first + count; block += REQUESTS_PER_BATCH) {
    const end = Math.min(block + REQUESTS_PER_BATCH, first + count);
    const byService = new Map<string, SpanRecord[]>();
    for (let seq = block; seq < end; seq++) {
      for (const span of requestSpans(seq)) {
        const list = byService.get(span.resource.serviceName);
        if (list === undefined) byService.set(span.resource.serviceName, [span]);
        else list.push(span);
      }
    }
    yield* byService.values();
  }
}
