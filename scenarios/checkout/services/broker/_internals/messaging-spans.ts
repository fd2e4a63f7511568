import type { Tracer } from '@opentelemetry/api';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation } from '@opentelemetry/api';
import type { QueueMessage } from '../broker.js';

function attributes(message: QueueMessage, system: string, operation: 'send' | 'process') {
  return {
    'messaging.system': system,
    'messaging.destination.name': message.topic,
    'messaging.message.id': message.id,
    'messaging.operation.type': operation,
  };
}

/**
 * Hand-written propagation on the producer side: a PRODUCER span per message, child of the current context, whose
 * context (and the baggage) is written into the message headers — unless `dropContext` (the queue-context fault).
 */
export async function sendTraced(
  tracer: Tracer,
  system: string,
  message: QueueMessage,
  dropContext: boolean,
  send: (message: QueueMessage) => Promise<void>,
): Promise<void> {
  await tracer.startActiveSpan(
    `${message.topic} publish`,
    { kind: SpanKind.PRODUCER, attributes: attributes(message, system, 'send') },
    async (span) => {
      const headers: Record<string, string> = { ...message.headers };
      if (!dropContext) propagation.inject(context.active(), headers);
      try {
        await send({ ...message, headers });
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/**
 * Hand-written propagation on the consumer side: a CONSUMER span continuing the context extracted from the headers
 * (a new trace when `ignoreContext`), active while `handler` runs. Starts from the root context, never from
 * whatever context the delivery callback happens to run in.
 */
export function receiveTraced(
  tracer: Tracer,
  system: string,
  message: QueueMessage,
  ignoreContext: boolean,
  handler: (message: QueueMessage) => Promise<void>,
): Promise<void> {
  const parent = ignoreContext ? ROOT_CONTEXT : propagation.extract(ROOT_CONTEXT, message.headers);
  return tracer.startActiveSpan(
    `${message.topic} process`,
    { kind: SpanKind.CONSUMER, attributes: attributes(message, system, 'process') },
    parent,
    async (span) => {
      try {
        await handler(message);
      } finally {
        span.end();
      }
    },
  );
}
