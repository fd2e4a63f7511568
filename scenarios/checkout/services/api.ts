import type { SpanContext } from '@opentelemetry/api';
import { SpanKind, context, propagation, trace } from '@opentelemetry/api';
import express from 'express';
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { CheckoutConfig } from './config.js';
import { HttpError, errorHandler } from './error-handler.js';
import { createLogger } from './logger.js';
import type { OrderStore } from './store/order-store.js';
import type { Telemetry } from './telemetry.js';

export const PAYMENT_TOPIC = 'payment.requested';

interface CheckoutBody {
  readonly sku: string;
  readonly quantity: number;
  readonly card: string;
}

function checkoutBody(body: unknown): CheckoutBody {
  const { sku, quantity, card } = (body ?? {}) as Partial<Record<keyof CheckoutBody, unknown>>;
  if (typeof sku !== 'string' || sku === '') throw new HttpError(400, 'sku must be a non-empty string');
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
    throw new HttpError(400, `quantity must be a positive integer, got ${String(quantity)}`);
  }
  if (typeof card !== 'string' || card === '') throw new HttpError(400, 'card must be a non-empty string');
  return { sku, quantity, card };
}

/**
 * The api: POST /api/checkout writes the order and its outbox row (with the W3C trace context of an outbox PRODUCER
 * span) in one transaction and answers 202; GET /api/orders/:id; POST /webhooks/invoice (billing's callback, a new
 * trace linked to the delivery: see telemetry.ts); GET /health.
 */
/**
 * A UUID-shaped order id derived from the seed, the sku and how many orders of that sku came before, so billing's
 * seeded answers (which hash the order id) replay run after run, whatever order concurrent requests arrive in.
 */
function orderId(seed: number, sku: string, nth: number): string {
  const hex = createHash('sha256').update(`${seed}:${sku}:${nth}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function startApi(config: CheckoutConfig, telemetry: Telemetry, store: OrderStore): Promise<Server> {
  const { faults } = config;
  const tracer = telemetry.tracer('api');
  // The log-leak fault: "the current request" kept in a module-level variable, read when a line is written.
  let currentRequest: SpanContext | undefined;
  const leak = faults.has('log-leak');
  const logger = createLogger('api', telemetry.loggerProvider('api'), {
    stdout: !telemetry.isHosted('api'),
    ...(leak
      ? { fields: () => (currentRequest ? { trace_id: currentRequest.traceId, span_id: currentRequest.spanId } : {}) }
      : {}),
  });
  const app = express();
  const ordersOfSku = new Map<string, number>();
  app.use(express.json({ limit: '64kb' }));
  if (leak) {
    app.use((_request, _response, next) => {
      currentRequest = trace.getActiveSpan()?.spanContext();
      next();
    });
  }
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.post('/api/checkout', async (request, response) => {
    const { sku, quantity, card } = checkoutBody(request.body);
    if (sku.startsWith('fail-')) {
      throw new HttpError(500, `inventory: sku ${sku} cannot be reserved, no warehouse holds it`, 'InventoryError');
    }
    const nth = (ordersOfSku.get(sku) ?? 0) + 1;
    ordersOfSku.set(sku, nth);
    const id = orderId(config.seed, sku, nth);
    const payload = JSON.stringify({ orderId: id, sku, quantity, card, amount: quantity * 1250 });
    await tracer.startActiveSpan(
      `outbox ${PAYMENT_TOPIC}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'outbox',
          'messaging.destination.name': PAYMENT_TOPIC,
          'messaging.message.id': id,
          'messaging.operation.type': 'send',
        },
      },
      async (span) => {
        const headers: Record<string, string> = {};
        // The outbox-context fault: the row is written without the trace context beside it.
        if (!faults.has('outbox-context')) propagation.inject(context.active(), headers);
        try {
          await store.placeOrder(
            { id, sku, quantity, card, status: 'pending', invoiceId: null },
            { id, topic: PAYMENT_TOPIC, payload, headers },
          );
        } finally {
          span.end();
        }
      },
    );
    logger.info({ orderId: id, sku }, 'order accepted');
    response.status(202).json({ orderId: id, status: 'pending' });
  });
  app.get('/api/orders/:id', async (request, response) => {
    const order = await store.order(request.params.id);
    if (order === undefined) {
      logger.info({ orderId: request.params.id }, 'order not found');
      response.status(404).json({ error: 'NotFound', message: `no order ${request.params.id}` });
      return;
    }
    response.json(order);
  });
  app.post('/webhooks/invoice', async (request, response) => {
    const { orderId, invoiceId, status } = (request.body ?? {}) as Record<string, unknown>;
    if (typeof orderId !== 'string') throw new HttpError(400, 'orderId must be a string');
    const known = await store.recordPayment(
      orderId,
      status === 'declined' ? 'declined' : 'paid',
      typeof invoiceId === 'string' ? invoiceId : undefined,
    );
    logger.info({ orderId, invoiceId, known }, 'invoice received');
    response.status(known ? 200 : 404).json({ received: known });
  });
  app.use(errorHandler(faults, logger));
  return new Promise((resolve, reject) => {
    const server = app.listen(config.apiPort, '127.0.0.1', (error?: Error) => {
      if (error) return reject(error);
      logger.info({ port: config.apiPort }, 'api listening');
      resolve(server);
    });
  });
}
