import type { Tracer } from '@opentelemetry/api';
import type { Broker, QueueMessage } from './broker.js';
import { receiveTraced, sendTraced } from './_internals/messaging-spans.js';

/**
 * The in-process broker of the embedded mode: a real asynchronous hop (a queue drained on a later turn of the event
 * loop), and the trace context crosses it only inside the message headers, as over a network broker.
 */
export function embeddedBroker(relay: Tracer, worker: Tracer, dropContext: boolean): Broker {
  const queue: QueueMessage[] = [];
  let handler: ((message: QueueMessage) => Promise<void>) | undefined;
  let scheduled = false;
  const drain = () => {
    scheduled = false;
    if (handler === undefined) return;
    for (let message = queue.shift(); message !== undefined; message = queue.shift()) {
      // Only the copied headers cross: the body is re-serialised like bytes on a wire.
      const delivered: QueueMessage = JSON.parse(JSON.stringify(message)) as QueueMessage;
      void receiveTraced(worker, 'embedded', delivered, false, handler).catch(() => undefined);
    }
  };
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      setImmediate(drain);
    }
  };
  return {
    publish: (message) =>
      sendTraced(relay, 'embedded', message, dropContext, async (sent) => {
        queue.push(sent);
        schedule();
        await Promise.resolve();
      }),
    consume: async (consumer) => {
      handler = consumer;
      schedule();
      await Promise.resolve();
    },
    close: async () => {
      handler = undefined;
      await Promise.resolve();
    },
  };
}
