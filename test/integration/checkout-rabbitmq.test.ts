import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import '../../harness/matchers/jest.js';
import { span } from '../../harness/dsl/index.js';
import type { CheckoutSystem } from '../fixtures/checkout-system.js';
import { POSTGRES_URL, RABBITMQ_URL, checkout, reachable, startCheckout } from '../fixtures/checkout-system.js';

// api, relay and worker as separate processes: outbox in PostgreSQL, queue on RabbitMQ through instrumented amqplib.
const servers = (await reachable(RABBITMQ_URL)) && (await reachable(POSTGRES_URL));
if (!servers) console.warn(`checkout-rabbitmq: skipped, ${RABBITMQ_URL} or ${POSTGRES_URL} is not reachable`);
const describeIf = servers ? describe : describe.skip;

let system: CheckoutSystem;
beforeAll(async () => {
  if (servers) system = await startCheckout({ broker: RABBITMQ_URL, databaseUrl: POSTGRES_URL, seed: 5 });
}, 45_000);
afterAll(() => system?.stop());

describeIf('checkout services, RabbitMQ and PostgreSQL', () => {
  it('writes order and outbox with pg, and amqplib carries the context from relay to worker', async () => {
    const sent = await checkout(system.api, 1);
    expect(sent.status).toBe(202);
    const pgQuery = (service: string) => span.client({ service, attributes: { 'db.system.name': 'postgresql' } });
    const tree = span.server('POST /api/checkout', { service: 'api' }).descendant(
      span
        .producer('outbox payment.requested', { service: 'api' })
        .child(pgQuery('api'))
        .child(
          span.producer(/^publish/, { service: 'relay', attributes: { 'messaging.system': 'rabbitmq' } }).child(
            span
              .consumer(/payment\.requested process$/, { service: 'worker' })
              .child(span.client('POST', { service: 'worker' }).child(span.server('POST /charges')))
              .child(pgQuery('worker')),
          ),
        ),
    );
    const trace = await system.harness.trace(sent.traceId, { until: tree });
    expect(trace).toMatchSpanTree(tree);
    expect(trace).toBeContinuousAcross('relay>worker');
  });

  it('sends pino lines from every process with the ids of the span that wrote them', async () => {
    const sent = await checkout(system.api, 2, 'tok_decline');
    const declined = span
      .consumer({ service: 'worker' })
      .child(span.client().child(span.server({ service: 'billing' })));
    const trace = await system.harness.trace(sent.traceId, { until: declined });
    for (let i = 0; i < 50; i++) {
      if (system.harness.store.logs().some((log) => log.service === 'worker' && log.traceId === sent.traceId)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const lines = system.harness.store
      .logs()
      .filter((log) => log.traceId === sent.traceId && log.source?.kind === 'stdout');
    expect(new Set(lines.map((log) => log.service))).toEqual(new Set(['api', 'worker', 'billing']));
    for (const log of lines) expect(trace.node(log.spanId)?.span.resource.serviceName).toBe(log.service);
    const recorded = lines.find((log) => log.body === 'payment recorded');
    expect(recorded?.attributes['status']).toBe('declined');
  });
});
