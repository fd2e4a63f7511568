import { afterAll, describe, expect } from '@jest/globals';
import type { LogRecord, LoggerProvider } from '@opentelemetry/api-logs';
import { SpanStatusCode } from '@opentelemetry/api';
import { node, tracing } from '@opentelemetry/sdk-node';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Dependency } from '../../harness/infra/dependency.js';
import { startDependency } from '../../harness/infra/start-dependency.js';
import { redisBroker } from '../../scenarios/checkout/services/broker/redis-broker.js';
import type { CheckoutConfig } from '../../scenarios/checkout/services/config.js';
import { createLogger } from '../../scenarios/checkout/services/logger.js';
import { memoryOrderStore } from '../../scenarios/checkout/services/store/memory-order-store.js';
import type { Telemetry } from '../../scenarios/checkout/services/telemetry.js';
import { startWorker } from '../../scenarios/checkout/services/worker.js';
import { itWithDependencies } from '../support/infra.js';

// A queue entry that is not JSON, and a message whose body is not a payment: both are logged and dropped, and
// the worker keeps consuming.
const itWithRedis = await itWithDependencies(['redis']);
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
}, 60_000);

async function until(what: string, done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!done()) throw new Error(`still waiting for ${what} after 200 polls of 50 ms`);
}

describe('the checkout worker on Redis', () => {
  itWithRedis(
    'logs and drops an unreadable entry and a malformed body, recording the error on the consumer span',
    async () => {
      const redis: Dependency = await startDependency('redis');
      cleanup.push(() => redis.stop());
      const exporter = new tracing.InMemorySpanExporter();
      const provider = new node.NodeTracerProvider({ spanProcessors: [new tracing.SimpleSpanProcessor(exporter)] });
      provider.register();
      cleanup.push(() => provider.shutdown());
      const records: LogRecord[] = [];
      const logger = { emit: (record: LogRecord) => void records.push(record), enabled: () => true };
      const logs: LoggerProvider = { getLogger: () => logger };
      const tracer = provider.getTracer('worker');
      const telemetry: Telemetry = {
        tracer: () => tracer,
        loggerProvider: () => logs,
        isHosted: () => true,
        shutdown: () => Promise.resolve(),
      };
      const runId = `t${randomBytes(6).toString('hex')}`;
      const config = {
        roles: ['worker'],
        billingUrl: 'http://127.0.0.1:9',
        runId,
        faults: new Set(),
      } as unknown as CheckoutConfig;
      const broker = redisBroker(redis.url, runId, tracer, false, createLogger('worker', logs, { stdout: false }));
      cleanup.push(() => broker.close());
      await startWorker(config, telemetry, memoryOrderStore(), broker);

      const queue = `checkout:${runId}:payment.requested`;
      const client = new Redis(redis.url);
      cleanup.push(async () => {
        await client.del(queue);
        client.disconnect();
      });
      await client.lpush(queue, 'not json');
      await until('the unreadable entry to be logged', () =>
        records.some((r) => r.body === 'unreadable queue entry dropped'),
      );
      const unreadable = records.find((record) => record.body === 'unreadable queue entry dropped')!;
      expect(unreadable).toMatchObject({ severityText: 'ERROR', attributes: { queue } });

      await broker.publish({ id: 'm-1', topic: 'payment.requested', body: '{"orderId": ', headers: {} });
      await until('the malformed message to be dropped', () => records.some((r) => r.body === 'message dropped'));
      const dropped = records.find((record) => record.body === 'message dropped')!;
      expect(dropped).toMatchObject({
        severityText: 'ERROR',
        attributes: { messageId: 'm-1', queue: 'payment.requested' },
      });
      await until('the consumer span to end', () =>
        exporter.getFinishedSpans().some((s) => s.name.endsWith(' process')),
      );
      const consumer = exporter.getFinishedSpans().find((span) => span.name === 'payment.requested process')!;
      expect(consumer.status.code).toBe(SpanStatusCode.ERROR);
      expect(consumer.events.map((event) => [event.name, event.attributes?.['exception.type']])).toEqual([
        ['exception', 'SyntaxError'],
      ]);
    },
    120_000,
  );
});
