// The reference checkout system as a tracegate scenario: `tracegate run scenarios/checkout/scenario.ts`.
import { InvalidArgumentError } from '../../harness/errors.js';
import type { Scenario } from '../../harness/run/scenario.js';
import { defineScenario } from '../../harness/run/scenario.js';
import type { RequestTemplate } from '../../harness/traffic/traffic-plan.js';
import type { CheckoutOptions } from './topology.js';
import { checkoutServices, parseFaults } from './topology.js';

/** How the checkout scenario runs: the system's options, plus how much traffic to send. */
export interface CheckoutScenarioOptions extends CheckoutOptions {
  /** How many requests. Default 1,000. */
  readonly requests?: number;
  /** Requests in flight at once. Default 8. */
  readonly concurrency?: number;
}

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

const DEFAULT_REQUESTS = 1000;
const DEFAULT_CONCURRENCY = 8;

/** The mix, exported so that tests can compute which route each request number takes. */

const checkout = (card: string, weight: number): RequestTemplate => ({
  method: 'POST',
  path: '/api/checkout',
  body: { sku: 'sku-{{seq}}', quantity: 1, card },
  weight,
});

/** The traffic mix: mostly paid orders, some declined, unavailable or slow billing, order reads and failures. */
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

function scenarioName(faults: readonly string[]): string {
  if (faults.length === 0) return 'checkout';
  const name = `checkout with ${faults.join(' ')}`;
  return name.length <= 128 ? name : `checkout with ${faults.length} faults`;
}

/** The checkout scenario for the given system options: services, traffic mix, hops, expected trees and gate. */
export function checkoutScenario(options: CheckoutScenarioOptions): Scenario {
  const { requests = DEFAULT_REQUESTS, concurrency = DEFAULT_CONCURRENCY, ...system } = options;
  return {
    name: scenarioName(system.faults ?? []),
    services: checkoutServices(system),
    target: `http://127.0.0.1:${system.apiPort}`,
    traffic: { requests: CHECKOUT_MIX, count: requests, concurrency },
    hops: ['api>relay', 'relay>worker', 'worker>billing:child', 'billing>api'],
    thresholds: { minRootCoverage: 0.95, minHopContinuity: 0.99, minLogCorrelation: 0.99 },
    // Longer than a slow billing answer (up to 300 ms) plus the relay's 50 ms poll and the 100 ms export delay.
    completion: { quietMs: 600, timeoutMs: 20_000 },
    ...(system.seed === undefined ? {} : { seed: system.seed }),
    reports: { json: 'out/checkout/tracegate.json' },
    expect: [
      { route: CHECKOUT_ROUTE, tree: CHECKOUT_TREE },
      { route: FAILURE_ROUTE, tree: FAILURE_TREE },
      { route: ORDER_ROUTE, tree: 'server[service=api][!event=exception]' },
    ],
  };
}

function port(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new InvalidArgumentError(`checkout scenario: ${name} must be a port from 1 to 65535, got "${text}"`);
  }
  return value;
}

function number(env: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value))
    throw new InvalidArgumentError(`checkout scenario: ${name} must be a number, got "${text}"`);
  return value;
}

const nonEmpty = (text: string | undefined): string | undefined =>
  text === undefined || text === '' ? undefined : text;

/**
 * The options `tracegate run scenarios/checkout/scenario.ts` reads from the environment: FAULTS, BROKER_URL,
 * DATABASE_URL, ROOT_LOSS, SEED (default 1), API_PORT (3000), BILLING_PORT (3100), CHECKOUT_RUN_ID.
 */
export function fromEnv(env: Readonly<Record<string, string | undefined>>): CheckoutScenarioOptions {
  const broker = nonEmpty(env['BROKER_URL']);
  const databaseUrl = nonEmpty(env['DATABASE_URL']);
  const rootLoss = number(env, 'ROOT_LOSS');
  const runId = nonEmpty(env['CHECKOUT_RUN_ID']);
  return {
    apiPort: port(env, 'API_PORT', 3000),
    billingPort: port(env, 'BILLING_PORT', 3100),
    faults: parseFaults(env['FAULTS'] ?? ''),
    seed: number(env, 'SEED') ?? 1,
    ...(broker === undefined ? {} : { broker }),
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(rootLoss === undefined ? {} : { rootLoss }),
    ...(runId === undefined ? {} : { runId }),
  };
}

export default defineScenario(checkoutScenario(fromEnv(process.env)));
