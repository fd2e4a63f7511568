// The reference checkout system as a tracegate scenario: `tracegate run scenarios/checkout/scenario.ts`.
import { InvalidArgumentError } from '../../harness/errors.js';
import { defineScenario } from '../../harness/run/scenario.js';
import type { CheckoutScenarioOptions } from './checkout-scenario.js';
import { checkoutScenario } from './checkout-scenario.js';
import { parseFaults } from './topology.js';

export type { CheckoutScenarioOptions } from './checkout-scenario.js';
export { checkoutScenario } from './checkout-scenario.js';
export { CHECKOUT_MIX, CHECKOUT_ROUTE, CHECKOUT_TREE, FAILURE_ROUTE, FAILURE_TREE, ORDER_ROUTE } from './mix.js';

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
