import type { Attributes } from '../../harness/model/attributes.js';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import type { Resource, Scope, SpanEvent, SpanKind, SpanRecord } from '../../harness/model/span.js';
import { NO_EVENTS, NO_LINKS, STATUS_ERROR, STATUS_UNSET } from '../../harness/model/span.js';

const SERVICES = ['api', 'relay', 'worker', 'billing'] as const;
const ROUTES = ['/api/checkout', '/api/orders/:id', '/webhooks/invoice', '/health'] as const;

function makeResource(service: string): Resource {
  return {
    serviceName: service,
    attributes: {
      'service.name': service,
      'service.version': '1.4.2',
      'deployment.environment.name': 'staging',
      'telemetry.sdk.language': 'nodejs',
      'telemetry.sdk.name': 'opentelemetry',
      'telemetry.sdk.version': '2.12.1',
      'host.name': 'ci-runner-7',
      'process.pid': 4242,
    },
  };
}

// One resource object per service, as an SDK exports them (one resourceSpans entry per service and body).
const RESOURCES = new Map(SERVICES.map((service) => [service, makeResource(service)]));

const SCOPE: Scope = { name: '@opentelemetry/instrumentation-http', version: '0.223.1', attributes: EMPTY_ATTRIBUTES };

function hex(value: number, length: number): string {
  return value.toString(16).padStart(length, '0');
}

function httpAttributes(sequence: number, kind: SpanKind, route: string, status: number): Attributes {
  const path = route.replace(':id', String(100_000 + sequence));
  return {
    'http.request.method': route === '/health' || route.includes(':id') ? 'GET' : 'POST',
    'url.full': `http://api.internal:8080${path}?attempt=${sequence % 3}`,
    'http.route': route,
    'http.response.status_code': status,
    'server.address': kind === 'server' ? 'api.internal' : 'billing.example',
    'server.port': 8080,
    'network.protocol.version': '1.1',
    'user_agent.original': 'tracegate/0.1 (synthetic)',
  };
}

function messagingAttributes(sequence: number, kind: SpanKind): Attributes {
  return {
    'messaging.system': 'rabbitmq',
    'messaging.destination.name': 'payment.requested',
    'messaging.operation.type': kind === 'producer' ? 'send' : 'process',
    'messaging.message.id': `msg-${sequence.toString(36)}`,
    'messaging.client.id': 'worker-1',
  };
}

function internalAttributes(sequence: number): Attributes {
  return { 'code.function': 'reserveStock', 'app.order.id': 100_000 + sequence };
}

function attributesFor(sequence: number, kind: SpanKind, route: string, status: number): Attributes {
  if (kind === 'server' || kind === 'client') return httpAttributes(sequence, kind, route, status);
  if (kind === 'producer' || kind === 'consumer') return messagingAttributes(sequence, kind);
  return internalAttributes(sequence);
}

/**
 * `spanCount` spans, 8 per trace (HTTP server and client spans with 8 attributes and a unique URL, messaging
 * spans with 5 and a unique message id, internal spans with 2), the way auto-instrumentation sets them; one
 * trace in 17 fails with an exception event.
 */
export function realisticSpans(bodyIndex: number, spanCount: number): SpanRecord[] {
  const spans: SpanRecord[] = [];
  const kinds: SpanKind[] = ['server', 'internal', 'client', 'producer', 'consumer', 'client', 'server', 'internal'];
  for (let i = 0; i < spanCount; i++) {
    const sequence = bodyIndex * spanCount + i;
    const traceNumber = Math.floor(sequence / kinds.length);
    const position = sequence % kinds.length;
    const kind = kinds[position]!;
    const route = ROUTES[traceNumber % ROUTES.length]!;
    const failed = traceNumber % 17 === 0 && position === 6;
    const start = 1_763_700_000_000_000_000n + BigInt(sequence) * 1_000_123n;
    const events: readonly SpanEvent[] = failed
      ? [
          {
            name: 'exception',
            timeUnixNano: start + 500_000n,
            attributes: {
              'exception.type': 'PaymentDeclinedError',
              'exception.message': `charge ${sequence} declined`,
              'exception.stacktrace': 'PaymentDeclinedError: declined\n    at charge (billing.js:42:11)',
            },
          },
        ]
      : NO_EVENTS;
    spans.push({
      traceId: hex(0x1000 + traceNumber, 32),
      spanId: hex(0x10_0000 + sequence, 16),
      parentSpanId: position === 0 ? '' : hex(0x10_0000 + sequence - 1, 16),
      name: `${kind === 'server' ? 'POST' : 'HTTP'} ${route}`,
      kind,
      startTimeUnixNano: start,
      endTimeUnixNano: start + 2_345_678n,
      status: failed ? STATUS_ERROR : STATUS_UNSET,
      attributes: attributesFor(sequence, kind, route, failed ? 502 : 200),
      events,
      links: NO_LINKS,
      resource: RESOURCES.get(SERVICES[position % SERVICES.length]!)!,
      scope: SCOPE,
      traceFlags: 1,
      traceState: '',
    });
  }
  return spans;
}
