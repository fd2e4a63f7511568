import { afterAll, beforeAll, describe, expect, it as jestIt } from '@jest/globals';
import '../../harness/matchers/jest.js';
import { span } from '../../harness/dsl/index.js';
import type { SpanPattern } from '../../harness/dsl/index.js';
import type { Dependency } from '../../harness/infra/dependency.js';
import { startDependency } from '../../harness/infra/start-dependency.js';
import type { CheckoutSystem } from '../fixtures/checkout-system.js';
import { checkout, startCheckout } from '../fixtures/checkout-system.js';
import { itWithDependencies } from '../support/infra.js';

// api, relay and worker as separate processes: outbox in PostgreSQL, the queue on each broker. Brokers and
// PostgreSQL come from RABBITMQ_URL / REDIS_URL / DATABASE_URL, else from containers (startDependency()).
const worker = (consumer: SpanPattern): SpanPattern =>
  consumer.child(span.client('POST', { service: 'worker' }).child(span.server('POST /charges')));
const pgQuery = (service: string) => span.client({ service, attributes: { 'db.system.name': 'postgresql' } });

const BROKERS = [
  {
    name: 'RabbitMQ',
    kind: 'rabbitmq' as const,
    seed: 5,
    carrier: 'amqplib carries the context from relay to worker',
    // amqplib's instrumentation makes the PRODUCER span ("publish <queue>") and the CONSUMER span.
    relay: (consumer: SpanPattern) =>
      span.producer(/^publish/, { service: 'relay', attributes: { 'messaging.system': 'rabbitmq' } }).child(consumer),
    consumer: () =>
      worker(span.consumer(/payment\.requested process$/, { service: 'worker' })).child(pgQuery('worker')),
  },
  {
    name: 'Redis',
    kind: 'redis' as const,
    seed: 6,
    carrier: 'the hand-written headers carry the context over Redis',
    relay: (consumer: SpanPattern) =>
      span
        .producer('payment.requested publish', { service: 'relay', attributes: { 'messaging.system': 'redis' } })
        .child(consumer),
    // The worker's SET NX (at-least-once delivery) is traced by ioredis's instrumentation inside the consumer span.
    consumer: () =>
      worker(span.consumer(/payment\.requested process$/, { service: 'worker' }))
        .child(pgQuery('worker'))
        .child(span.client('set', { service: 'worker', attributes: { 'db.system.name': 'redis' } })),
  },
];
const runnable = await Promise.all(BROKERS.map(({ kind }) => itWithDependencies([kind, 'postgres'])));
const cases = BROKERS.map((broker, index) => ({
  ...broker,
  it: runnable[index]!,
  skipped: runnable[index] === jestIt.skip,
}));

describe.each(cases)(
  'checkout services, $name and PostgreSQL',
  ({ kind, seed, carrier, relay, consumer, it, skipped }) => {
    const dependencies: Dependency[] = [];
    let system: CheckoutSystem | undefined;
    beforeAll(async () => {
      if (!skipped) {
        dependencies.push(await startDependency(kind), await startDependency('postgres'));
        const [broker, database] = dependencies as [Dependency, Dependency];
        system = await startCheckout({ broker: broker.url, databaseUrl: database.url, seed });
      }
    }, 120_000);
    afterAll(async () => {
      await system?.stop();
      await Promise.allSettled(dependencies.map((dependency) => dependency.stop()));
    }, 60_000);

    it(`writes order and outbox with pg, and ${carrier}`, async () => {
      const sent = await checkout(system!.api, 1);
      expect(sent.status).toBe(202);
      const tree = span
        .server('POST /api/checkout', { service: 'api' })
        .descendant(
          span.producer('outbox payment.requested', { service: 'api' }).child(pgQuery('api')).child(relay(consumer())),
        );
      const trace = await system!.harness.trace(sent.traceId, { until: tree });
      expect(trace).toMatchSpanTree(tree);
      expect(trace).toBeContinuousAcross('relay>worker');
    });

    it('sends pino lines from every process with the ids of the span that wrote them', async () => {
      const sent = await checkout(system!.api, 2, 'tok_decline');
      const declined = span
        .consumer({ service: 'worker' })
        .child(span.client().child(span.server({ service: 'billing' })));
      const trace = await system!.harness.trace(sent.traceId, { until: declined });
      for (let i = 0; i < 50; i++) {
        if (system!.harness.store.logs().some((log) => log.service === 'worker' && log.traceId === sent.traceId)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const lines = system!.harness.store
        .logs()
        .filter((log) => log.traceId === sent.traceId && log.source?.kind === 'stdout');
      expect(new Set(lines.map((log) => log.service))).toEqual(new Set(['api', 'worker', 'billing']));
      for (const log of lines) expect(trace.node(log.spanId)?.span.resource.serviceName).toBe(log.service);
      const recorded = lines.find((log) => log.body === 'payment recorded');
      expect(recorded?.attributes['status']).toBe('declined');
    });
  },
);
