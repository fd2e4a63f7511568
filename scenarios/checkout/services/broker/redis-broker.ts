import type { Tracer } from '@opentelemetry/api';
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { Redis } from 'ioredis';
import type pino from 'pino';
import type { Broker, QueueMessage } from './broker.js';
import { PREFETCH } from './broker.js';
import { receiveTraced, sendTraced } from './_internals/messaging-spans.js';

/**
 * Redis as the queue (a list per topic and run: LPUSH to publish, BRPOP to consume). ioredis's instrumentation traces
 * the commands (the worker's SET NX) but carries no context, so propagation is written by hand: the traceparent travels in the message's
 * own `headers` field. `dropContext` is the queue-context fault: the publisher forgets to write it. `logger` reports
 * entries that cannot be read.
 */
export function redisBroker(
  url: string,
  runId: string,
  tracer: Tracer,
  dropContext: boolean,
  logger: pino.Logger,
): Broker {
  const commands = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  let reader: Redis | undefined;
  let running = true;
  const keyOf = (topic: string) => `checkout:${runId}:${topic}`;
  return {
    publish: (message) =>
      sendTraced(tracer, 'redis', message, dropContext, async (sent) => {
        // The PRODUCER span stands for the send: an LPUSH client span beside it would be a second exit of the hop.
        await context.with(suppressTracing(context.active()), () =>
          commands.lpush(keyOf(sent.topic), JSON.stringify(sent)),
        );
      }),
    async consume(handler) {
      const blocking = (reader = commands.duplicate());
      const inFlight = new Set<Promise<void>>();
      const loop = async () => {
        while (running) {
          if (inFlight.size >= PREFETCH) await Promise.race(inFlight);
          let popped: [string, string] | null;
          try {
            popped = await blocking.brpop(keyOf('payment.requested'), 1);
          } catch {
            if (!running) return;
            await new Promise((resolve) => setTimeout(resolve, 100));
            continue;
          }
          if (popped === null) continue;
          let message: QueueMessage;
          try {
            message = JSON.parse(popped[1]) as QueueMessage;
          } catch (error) {
            // One unreadable entry must not stop the loop: it is logged and dropped, the next one is read.
            logger.error({ err: error, queue: popped[0] }, 'unreadable queue entry dropped');
            continue;
          }
          // At-least-once delivery: a traced SET NX inside the consumer span skips a message handled before.
          const once = async (delivered: QueueMessage) => {
            const first = await commands.set(`${keyOf('handled')}:${delivered.id}`, '1', 'EX', 3600, 'NX');
            if (first !== null) await handler(delivered);
          };
          const work = receiveTraced(tracer, 'redis', message, false, once)
            .catch(() => undefined)
            .finally(() => inFlight.delete(work));
          inFlight.add(work);
        }
      };
      void loop();
      await Promise.resolve();
    },
    async close() {
      running = false;
      reader?.disconnect();
      await commands.quit().catch(() => undefined);
    },
  };
}
