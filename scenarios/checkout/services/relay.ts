import { ROOT_CONTEXT, context, propagation } from '@opentelemetry/api';
import type { Broker } from './broker/broker.js';
import type { CheckoutConfig } from './config.js';
import { createLogger } from './logger.js';
import type { OrderStore } from './store/order-store.js';
import type { Telemetry } from './telemetry.js';
import { untraced } from './telemetry.js';

/** Outbox rows published per poll, and the pause between polls. */
export const RELAY_BATCH = 50;
export const RELAY_INTERVAL_MS = 50;

/** A running relay; `stop()` finishes the batch in hand and stops polling. */
export interface Relay {
  stop(): Promise<void>;
}

/**
 * The relay: polls the outbox and publishes each row to the broker inside the trace context stored with it (the
 * broker makes the PRODUCER span, a child of that context), then marks the batch sent.
 */
export function startRelay(_config: CheckoutConfig, telemetry: Telemetry, store: OrderStore, broker: Broker): Relay {
  const logger = createLogger('relay', telemetry.loggerProvider('relay'), { stdout: !telemetry.isHosted('relay') });
  const io = <T>(work: () => Promise<T>) => (telemetry.isHosted('relay') ? untraced(work) : work());
  let running = true;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const poll = async () => {
    const rows = await io(() => store.unsent(RELAY_BATCH));
    const sent: string[] = [];
    for (const row of rows) {
      const stored = propagation.extract(ROOT_CONTEXT, row.headers);
      try {
        await context.with(stored, () =>
          broker.publish({ id: row.id, topic: row.topic, body: row.payload, headers: {} }),
        );
        sent.push(row.id);
      } catch (error) {
        logger.error({ err: error, messageId: row.id }, 'publish failed; the row stays in the outbox');
      }
    }
    await io(() => store.markSent(sent));
    if (sent.length > 0) logger.info({ count: sent.length }, 'outbox rows relayed');
  };
  const tick = () => {
    if (!running) return;
    current = poll()
      .catch((error: unknown) => logger.error({ err: error }, 'outbox poll failed'))
      .finally(() => {
        if (running) timer = setTimeout(tick, RELAY_INTERVAL_MS);
      });
  };
  logger.info({ intervalMs: RELAY_INTERVAL_MS, batch: RELAY_BATCH }, 'relay polling the outbox');
  tick();
  return {
    async stop() {
      running = false;
      clearTimeout(timer);
      await current;
    },
  };
}
