import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import type { Broker, QueueMessage } from './broker/broker.js';
import type { CheckoutConfig } from './config.js';
import { createLogger } from './logger.js';
import type { OrderStatus, OrderStore } from './store/order-store.js';
import type { Telemetry } from './telemetry.js';
import { MANUAL_SPAN_HEADER, untraced } from './telemetry.js';
import type { JsonAnswer } from './_internals/post-json.js';
import { postJson } from './_internals/post-json.js';

/** Charge attempts per message: the first, and retries after 5xx or network failures. */
export const CHARGE_ATTEMPTS = 3;

interface PaymentRequest {
  readonly orderId: string;
  readonly card: string;
  readonly amount: number;
}

/**
 * The worker: consumes payment.requested (a CONSUMER span continuing the message's context), charges billing over
 * HTTP — retrying 5xx answers, each retry an event `retry` on the consumer span — and records the order's status.
 */
export async function startWorker(
  config: CheckoutConfig,
  telemetry: Telemetry,
  store: OrderStore,
  broker: Broker,
): Promise<void> {
  const hosted = telemetry.isHosted('worker');
  const tracer = telemetry.tracer('worker');
  const logger = createLogger('worker', telemetry.loggerProvider('worker'), { stdout: !hosted });
  const url = `${config.billingUrl}/charges`;

  // Hosted beside the api, the billing call gets a client span from the worker's own tracer, injected by hand.
  const charge = (payment: PaymentRequest, attempt: number): Promise<JsonAnswer> => {
    const body = { orderId: payment.orderId, card: payment.card, amount: payment.amount, attempt };
    const headers = { 'idempotency-key': payment.orderId };
    if (!hosted) return postJson(url, body, headers);
    return tracer.startActiveSpan(
      'POST',
      {
        kind: SpanKind.CLIENT,
        attributes: { 'http.request.method': 'POST', 'url.full': url, 'server.address': new URL(url).hostname },
      },
      async (span) => {
        const carrier: Record<string, string> = { ...headers, [MANUAL_SPAN_HEADER]: 'worker' };
        propagation.inject(context.active(), carrier);
        try {
          const answer = await postJson(url, body, carrier);
          span.setAttribute('http.response.status_code', answer.status);
          if (answer.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
          return answer;
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  };

  const pay = async (message: QueueMessage): Promise<void> => {
    const span = trace.getActiveSpan();
    const payment = JSON.parse(message.body) as PaymentRequest;
    let answer: JsonAnswer | undefined;
    let failure: Error | undefined;
    for (let attempt = 1; attempt <= CHARGE_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        span?.addEvent('retry', { attempt, 'http.response.status_code': answer?.status ?? 0 });
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      }
      try {
        answer = await charge(payment, attempt);
        failure = undefined;
      } catch (error) {
        answer = undefined;
        failure = error as Error;
        continue;
      }
      if (answer.status < 500) break;
    }
    const status: OrderStatus = answer?.status === 200 ? 'paid' : answer?.status === 402 ? 'declined' : 'failed';
    if (status === 'failed') {
      const error = failure ?? new Error(`billing answered ${answer?.status ?? 0} after ${CHARGE_ATTEMPTS} attempts`);
      span?.recordException(error);
      span?.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    }
    await (hosted
      ? untraced(() => store.recordPayment(payment.orderId, status))
      : store.recordPayment(payment.orderId, status));
    logger.info({ orderId: payment.orderId, status, messageId: message.id }, 'payment recorded');
  };
  // A message that fails here (a malformed body) would fail the same way again: it is recorded and dropped.
  const handle = async (message: QueueMessage): Promise<void> => {
    try {
      await pay(message);
    } catch (error) {
      const span = trace.getActiveSpan();
      span?.recordException(error as Error);
      span?.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      logger.error({ err: error, messageId: message.id, queue: message.topic }, 'message dropped');
    }
  };
  await broker.consume(handle);
  logger.info({ billing: config.billingUrl }, 'worker consuming payment.requested');
}
