import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import '../../harness/matchers/jest.js';
import { span } from '../../harness/dsl/index.js';
import type { SpanRecord } from '../../harness/model/span.js';
import type { CheckoutSystem } from '../fixtures/checkout-system.js';
import { checkout, send, startCheckout } from '../fixtures/checkout-system.js';

// The embedded mode: billing, and api + relay + worker in one process with the in-process broker and memory store.
let system: CheckoutSystem;
beforeAll(async () => {
  system = await startCheckout({ seed: 3 });
}, 40_000);
afterAll(() => system?.stop());

/** What every accepted checkout produces, hop by hop, each span from the service that owns the role. */
const paidCheckout = span
  .server('POST /api/checkout', { service: 'api' })
  .child(span.internal(/request handler/, { service: 'api' }).child(span.producer('outbox payment.requested')))
  .descendant(
    span
      .producer('payment.requested publish', { service: 'relay', attributes: { 'messaging.message.id': /./ } })
      .child(
        span
          .consumer('payment.requested process', { service: 'worker' })
          .child(
            span.client('POST', { service: 'worker' }).child(span.server('POST /charges', { service: 'billing' })),
          ),
      ),
  );

/** Polls the store (bounded) for a span satisfying `test`. */
async function spanWhere(test: (span: SpanRecord) => boolean): Promise<SpanRecord | undefined> {
  for (let i = 0; i < 100; i++) {
    for (const candidate of system.harness.store.spans()) if (test(candidate)) return candidate;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

describe('checkout services, embedded broker', () => {
  it('carries a checkout across api → relay → worker → billing, each hop a child, each span its role', async () => {
    const sent = await checkout(system.api, 1);
    expect(sent.status).toBe(202);
    const tree = await system.harness.trace(sent.traceId, { until: paidCheckout });
    expect(tree).toMatchSpanTree(paidCheckout);
    expect(tree).toBeContinuousAcross('api>relay');
    expect(tree).toBeContinuousAcross('relay>worker');
    expect(tree).toBeContinuousAcross('worker>billing');
    // The auto-instrumentation made no second client span for the worker's (hand-traced) billing call.
    expect([...tree.walk()].map((node) => node.span).filter((s) => s.kind === 'client')).toHaveLength(2);
  });

  it("answers billing's webhook in a new trace linked to billing's delivery span", async () => {
    const sent = await checkout(system.api, 2);
    const webhook = await spanWhere(
      (s) => s.name === 'POST /webhooks/invoice' && s.links.some((link) => link.traceId === sent.traceId),
    );
    expect(webhook).toMatchObject({ kind: 'server', parentSpanId: '', resource: { serviceName: 'api' } });
    expect(webhook!.traceId).not.toBe(sent.traceId);
    const link = webhook!.links[0]!;
    const delivery = await spanWhere((s) => s.traceId === link.traceId && s.spanId === link.spanId);
    expect(delivery).toMatchObject({ kind: 'client', resource: { serviceName: 'billing' } });
    expect(delivery!.attributes['url.full']).toMatch(/\/webhooks\/invoice$/);
  });

  it('records a failing checkout on its entry span: 500, ERROR status and a complete exception event', async () => {
    const sent = await checkout(system.api, 3, 'tok_ok', 'fail-3');
    expect(sent.status).toBe(500);
    const failed = span.server('POST /api/checkout', {
      status: 'error',
      events: [
        {
          name: 'exception',
          attributes: {
            'exception.type': 'InventoryError',
            'exception.message': /fail-3/,
            'exception.stacktrace': /at /,
          },
        },
      ],
    });
    const tree = await system.harness.trace(sent.traceId, { until: failed });
    expect(tree).toMatchSpanTree(failed);
    expect([...tree.walk()].map((node) => node.span).some((s) => s.kind === 'producer')).toBe(false);
  });

  it('retries a 503 from billing, each retry an event on the consumer span', async () => {
    const sent = await checkout(system.api, 4, 'tok_unavailable');
    const retried = span
      .consumer({ service: 'worker', events: [{ name: 'retry', attributes: { attempt: 2 }, count: 1 }] })
      .child(span.client({ service: 'worker' }).child(span.server('POST /charges', { status: 'error' })))
      .child(span.client({ service: 'worker' }).child(span.server('POST /charges', { status: 'unset' })));
    const tree = await system.harness.trace(sent.traceId, { until: retried });
    expect(tree).toMatchSpanTree(retried);
  });

  it('serves an order by id under its route template, and 404 for an unknown one', async () => {
    const placed = await checkout(system.api, 5);
    const found = await send(system.api, 'GET', `/api/orders/${String(placed.body['orderId'])}`, 6);
    expect(found).toMatchObject({ status: 200, body: { id: placed.body['orderId'], sku: 'sku-5' } });
    const missing = await send(system.api, 'GET', '/api/orders/7', 7);
    expect(missing.status).toBe(404);
    const route = span.server('GET /api/orders/:id', { service: 'api' });
    await expect(system.harness.trace(missing.traceId, { until: route })).resolves.toMatchSpanTree(route);
  });

  it('writes JSON log lines on stdout and OTLP log records carrying the ids of the span that wrote them', async () => {
    const sent = await checkout(system.api, 8);
    const tree = await system.harness.trace(sent.traceId, { until: paidCheckout });
    const logsOf = (service: string) =>
      system.harness.store.logs().filter((log) => log.service === service && log.traceId === sent.traceId);
    for (let i = 0; i < 50 && logsOf('worker').length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const accepted = logsOf('api').filter((log) => log.body === 'order accepted');
    expect(accepted.map((log) => log.source?.kind).sort()).toEqual(['otlp', 'stdout']);
    for (const log of [...accepted, ...logsOf('worker'), ...logsOf('billing')]) {
      const owner = tree.node(log.spanId)?.span;
      expect({ body: log.body, service: owner?.resource.serviceName }).toEqual({
        body: log.body,
        service: log.service,
      });
      expect(log.attributes['tracegate.req']).toBe('8');
    }
    expect(logsOf('worker').map((log) => log.body)).toContain('payment recorded');
    expect(logsOf('billing').map((log) => log.body)).toContain('charge accepted');
  });
});
