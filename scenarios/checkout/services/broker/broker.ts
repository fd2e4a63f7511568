/** A message on its way from the relay to the worker. */
export interface QueueMessage {
  /** The outbox row's id, also `messaging.message.id` on the producer and consumer spans. */
  readonly id: string;
  readonly topic: string;
  readonly body: string;
  /** Transport headers: where the W3C trace context and baggage travel. */
  readonly headers: Readonly<Record<string, string>>;
}

/** The queue between relay and worker. */
export interface Broker {
  /** Sends `message` as part of the current context's trace: a PRODUCER span per message, its context in headers. */
  publish(message: QueueMessage): Promise<void>;
  /** Delivers every message to `handler` with a CONSUMER span active (continuing the message's context). */
  consume(handler: (message: QueueMessage) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** Messages handled at once by one worker. */
export const PREFETCH = 8;
