import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import express from 'express';
import { createHash, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { CheckoutConfig } from './config.js';
import { HttpError, errorHandler } from './error-handler.js';
import { createLogger } from './logger.js';
import type { Telemetry } from './telemetry.js';
import { DELIVERY_HEADER } from './telemetry.js';
import { postJson } from './_internals/post-json.js';

/** What billing does with a charge. */
type Behaviour = 'charge' | 'decline' | 'unavailable-once' | 'slow';

/** A number in [0, 1) from the seed and the order: the same run, the same answers. */
function seeded(seed: number, orderId: string): number {
  return createHash('sha256').update(`${seed}:${orderId}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** Card tokens with fixed behaviour; any other card gets the seeded mix (5% declined, 5% one 503, 10% slow). */
function behaviourOf(seed: number, orderId: string, card: string): Behaviour {
  if (card === 'tok_decline') return 'decline';
  if (card === 'tok_unavailable') return 'unavailable-once';
  if (card === 'tok_slow') return 'slow';
  const draw = seeded(seed, orderId);
  return draw < 0.05 ? 'decline' : draw < 0.1 ? 'unavailable-once' : draw < 0.2 ? 'slow' : 'charge';
}

/**
 * billing, the external payment provider: POST /charges answers 200, 402 (declined) or 503 (unavailable, first
 * attempt only), sometimes slowly (≤ 300 ms); after a charge it calls POST {API_URL}/webhooks/invoice back
 * asynchronously, sending its delivery span in `x-delivery-traceparent` rather than as `traceparent`, so the
 * api's webhook starts a new trace linked to the delivery.
 */
export function startBilling(config: CheckoutConfig, telemetry: Telemetry): Promise<Server> {
  const tracer = telemetry.tracer('billing');
  const logger = createLogger('billing', telemetry.loggerProvider('billing'), { stdout: true });
  const attempts = new Map<string, number>();
  const deliver = (orderId: string, status: string, invoiceId: string | null) => {
    const url = `${config.apiUrl}/webhooks/invoice`;
    void tracer.startActiveSpan(
      'POST',
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': 'POST',
          'url.full': url,
          'server.address': new URL(url).hostname,
        },
      },
      async (span) => {
        const carrier: Record<string, string> = {};
        propagation.inject(context.active(), carrier);
        try {
          const answer = await postJson(
            url,
            { orderId, status, invoiceId },
            { [DELIVERY_HEADER]: carrier['traceparent'] ?? '' },
          );
          span.setAttribute('http.response.status_code', answer.status);
          if (answer.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
          logger.info({ orderId, status: answer.status }, 'invoice webhook delivered');
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          logger.warn({ err: error, orderId }, 'invoice webhook failed');
        } finally {
          span.end();
        }
      },
    );
  };
  const app = express();
  app.use(express.json({ limit: '16kb' }));
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.post('/charges', async (request, response) => {
    const { orderId, card, amount } = (request.body ?? {}) as Record<string, unknown>;
    if (typeof orderId !== 'string' || typeof card !== 'string' || typeof amount !== 'number') {
      throw new HttpError(400, 'orderId, card and amount are required');
    }
    const attempt = (attempts.get(orderId) ?? 0) + 1;
    attempts.set(orderId, attempt);
    const behaviour = behaviourOf(config.seed, orderId, card);
    trace.getActiveSpan()?.setAttribute('billing.behaviour', behaviour);
    if (behaviour === 'unavailable-once' && attempt === 1) {
      throw new HttpError(503, `card processor unavailable for order ${orderId}, retry later`, 'ProcessorUnavailable');
    }
    if (behaviour === 'slow')
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.floor(seeded(config.seed + 1, orderId) * 200)));
    const declined = behaviour === 'decline';
    const invoiceId = declined ? null : `inv_${randomUUID()}`;
    logger.info({ orderId, amount, attempt, declined }, declined ? 'charge declined' : 'charge accepted');
    response.status(declined ? 402 : 200).json({ status: declined ? 'declined' : 'paid', invoiceId });
    // Delivered after the answer, as a provider's webhook queue would: a child of this charge, sent later.
    const charged = context.active();
    setTimeout(() => context.with(charged, () => deliver(orderId, declined ? 'declined' : 'paid', invoiceId)), 5);
  });
  app.use(errorHandler(config.faults, logger));
  return new Promise((resolve, reject) => {
    const server = app.listen(config.billingPort, '127.0.0.1', (error?: Error) => {
      if (error) return reject(error);
      logger.info({ port: config.billingPort }, 'billing listening');
      resolve(server);
    });
  });
}
