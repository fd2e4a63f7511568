// The checkout scenario's traffic mix, routes and expected trees: constants only, so that importing them reads no
// environment (scenario.ts builds the scenario from it at import).
import type { RequestTemplate } from '../../harness/traffic/traffic-plan.js';

/** The route of the failing checkouts; named apart so that the checkout route's trees and rows hold only orders. */
export const FAILURE_ROUTE = 'checkout failure';
export const CHECKOUT_ROUTE = 'POST /api/checkout';
export const ORDER_ROUTE = 'GET /api/orders/{{seq}}';

/** What every accepted checkout produces: the API's request, the relay's publish, the worker's delivery and its billing call. */
export const CHECKOUT_TREE =
  'server "POST /api/checkout" >> producer[service=relay] >> consumer[service=worker] >> client[service=worker] > server[service=billing]';
/** A failing checkout: the API's server span records the error with a complete exception event. */
export const FAILURE_TREE =
  'server "POST /api/checkout"[status=error][event=exception[exception.type][exception.message][exception.stacktrace]]';

const checkout = (card: string, weight: number): RequestTemplate => ({
  method: 'POST',
  path: '/api/checkout',
  body: { sku: 'sku-{{seq}}', quantity: 1, card },
  weight,
});

/**
 * The traffic mix: mostly paid orders, some declined, unavailable or slow billing, order reads and failures. Exported
 * so that tests can compute which route each request number takes.
 */
export const CHECKOUT_MIX: readonly RequestTemplate[] = [
  checkout('tok_ok', 8),
  checkout('tok_decline', 2),
  checkout('tok_unavailable', 1),
  checkout('tok_slow', 1),
  { method: 'GET', path: '/api/orders/{{seq}}', weight: 4 },
  {
    name: FAILURE_ROUTE,
    method: 'POST',
    path: '/api/checkout',
    body: { sku: 'fail-{{seq}}', quantity: 1, card: 'tok_ok' },
    weight: 4,
  },
];
