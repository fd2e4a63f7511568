import type { Tracer } from '@opentelemetry/api';
import amqp from 'amqplib';
import type { Broker, QueueMessage } from './broker.js';
import { PREFETCH } from './broker.js';
import { receiveTraced } from './_internals/messaging-spans.js';

/**
 * RabbitMQ through amqplib, whose instrumentation makes the PRODUCER span on publish (child of the current context,
 * injected into the message headers) and the CONSUMER span on delivery (continuing them). `uninstrumented` is the
 * queue-context fault on this broker: the worker's SDK was set up without the amqplib instrumentation, and its
 * hand-made consumer span starts a new trace.
 */
export async function amqpBroker(url: string, runId: string, tracer: Tracer, uninstrumented: boolean): Promise<Broker> {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  const queueOf = (topic: string) => `checkout.${runId}.${topic}`;
  const asserted = new Set<string>();
  const assert = async (topic: string) => {
    if (asserted.has(topic)) return;
    await channel.assertQueue(queueOf(topic), { durable: false, expires: 600_000 });
    asserted.add(topic);
  };
  return {
    async publish(message) {
      await assert(message.topic);
      const headers = { ...message.headers };
      channel.sendToQueue(queueOf(message.topic), Buffer.from(message.body), {
        messageId: message.id,
        contentType: 'application/json',
        headers,
      });
      await Promise.resolve();
    },
    async consume(handler) {
      const topic = 'payment.requested';
      await assert(topic);
      await channel.prefetch(PREFETCH);
      await channel.consume(queueOf(topic), (delivery) => {
        if (delivery === null) return;
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(delivery.properties.headers ?? {})) {
          if (typeof value === 'string') headers[key] = value;
        }
        const message: QueueMessage = {
          id: String(delivery.properties.messageId ?? ''),
          topic,
          body: delivery.content.toString('utf8'),
          headers,
        };
        // Instrumented, the consumer span is already active here; the ack ends it.
        const work = uninstrumented ? receiveTraced(tracer, 'rabbitmq', message, true, handler) : handler(message);
        void work.catch(() => undefined).finally(() => channel.ack(delivery));
      });
    },
    async close() {
      await channel.close().catch(() => undefined);
      await connection.close().catch(() => undefined);
    },
  };
}
