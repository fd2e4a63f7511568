import type { Server } from 'node:http';
import { startApi } from './api.js';
import { startBilling } from './billing.js';
import { amqpBroker } from './broker/amqp-broker.js';
import type { Broker } from './broker/broker.js';
import { embeddedBroker } from './broker/embedded-broker.js';
import { redisBroker } from './broker/redis-broker.js';
import type { CheckoutConfig } from './config.js';
import { createLogger } from './logger.js';
import type { Relay } from './relay.js';
import { startRelay } from './relay.js';
import { memoryOrderStore } from './store/memory-order-store.js';
import type { OrderStore } from './store/order-store.js';
import { pgOrderStore } from './store/pg-order-store.js';
import type { Telemetry } from './telemetry.js';
import { startWorker } from './worker.js';

/** The roles of one process, running; `stop()` closes servers, polling and connections. */
export interface RunningRoles {
  stop(): Promise<void>;
}

async function openBroker(config: CheckoutConfig, telemetry: Telemetry): Promise<Broker> {
  const url = config.brokerUrl;
  const dropContext = config.faults.has('queue-context');
  if (url === undefined) return embeddedBroker(telemetry.tracer('relay'), telemetry.tracer('worker'), dropContext);
  if (url.startsWith('amqp://') || url.startsWith('amqps://')) {
    return amqpBroker(url, config.runId, telemetry.tracer('worker'), dropContext);
  }
  if (url.startsWith('redis://') || url.startsWith('rediss://')) {
    const role = config.roles.includes('relay') ? 'relay' : 'worker';
    const logger = createLogger(role, telemetry.loggerProvider(role), { stdout: !telemetry.isHosted(role) });
    return redisBroker(url, config.runId, telemetry.tracer(role), dropContext, logger);
  }
  throw new Error(`BROKER_URL must start with amqp:// or redis://, got "${url}"`);
}

/** Starts every role the configuration names, sharing one store and one broker between them. */
export async function runRoles(config: CheckoutConfig, telemetry: Telemetry): Promise<RunningRoles> {
  const hosts = (role: string) => config.roles.includes(role as never);
  const servers: Server[] = [];
  let store: OrderStore | undefined;
  let broker: Broker | undefined;
  let relay: Relay | undefined;
  if (hosts('api') || hosts('relay') || hosts('worker')) {
    store =
      config.databaseUrl === undefined ? memoryOrderStore() : await pgOrderStore(config.databaseUrl, config.runId);
  }
  if (hosts('relay') || hosts('worker')) broker = await openBroker(config, telemetry);
  if (hosts('billing')) servers.push(await startBilling(config, telemetry));
  if (hosts('worker')) await startWorker(config, telemetry, store!, broker!);
  if (hosts('relay')) relay = startRelay(config, telemetry, store!, broker!);
  if (hosts('api')) servers.push(await startApi(config, telemetry, store!));
  return {
    async stop() {
      await relay?.stop();
      for (const server of servers) server.closeAllConnections();
      await Promise.allSettled(servers.map((server) => new Promise((resolve) => server.close(resolve))));
      await broker?.close();
      await store?.close();
    },
  };
}
