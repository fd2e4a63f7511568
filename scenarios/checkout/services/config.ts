import type { FaultName } from '../faults.js';
import { FAULT_NAMES, splitFaults } from '../faults.js';

/** The parts of the checkout system; a process hosts one or (embedded) several. */
export type Role = 'api' | 'relay' | 'worker' | 'billing';
const ROLES: readonly Role[] = ['api', 'relay', 'worker', 'billing'];

/** What a checkout process reads from its environment. */
export interface CheckoutConfig {
  /** The roles this process hosts; the first is its own service (OTEL_SERVICE_NAME). */
  readonly roles: readonly Role[];
  readonly apiPort: number;
  readonly billingPort: number;
  readonly apiUrl: string;
  readonly billingUrl: string;
  /** `amqp://…`, `redis://…`, or undefined for the embedded in-process broker. */
  readonly brokerUrl: string | undefined;
  readonly databaseUrl: string | undefined;
  /** Names queues, keys and tables so concurrent runs never share them. */
  readonly runId: string;
  readonly seed: number;
  readonly faults: ReadonlySet<FaultName>;
  readonly rootLoss: number;
}

/** Stops the process with a message: a misconfigured service must not start half-broken. */
function refuse(message: string): never {
  process.stderr.write(`checkout: ${message}\n`);
  process.exit(2);
}

function port(env: NodeJS.ProcessEnv, name: string, required: boolean): number {
  const text = env[name];
  if (text === undefined || text === '') return required ? refuse(`${name} must be set`) : 0;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 65535) refuse(`${name} must be a port 1-65535, got "${text}"`);
  return value;
}

/** Reads and validates the environment; exits with status 2 and a message when it is wrong. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): CheckoutConfig {
  const roleText = env['CHECKOUT_ROLES'] ?? env['OTEL_SERVICE_NAME'] ?? '';
  const roles = roleText.split(',').map((role) => role.trim());
  for (const role of roles) {
    if (!(ROLES as readonly string[]).includes(role)) refuse(`unknown role "${role}", valid: ${ROLES.join(', ')}`);
  }
  const { faults, unknown } = splitFaults(env['FAULTS'] ?? '');
  if (unknown.length > 0) refuse(`unknown fault ${unknown.join(', ')}; valid faults: ${FAULT_NAMES.join(', ')}`);
  const rootLoss = Number(env['ROOT_LOSS'] ?? (faults.includes('root-loss') ? 0.03 : 0));
  if (!(rootLoss >= 0 && rootLoss <= 1)) refuse(`ROOT_LOSS must be a share 0-1, got "${env['ROOT_LOSS']}"`);
  const hosts = (role: Role) => roles.includes(role);
  const apiPort = port(env, 'API_PORT', hosts('api'));
  const billingPort = port(env, 'BILLING_PORT', hosts('billing'));
  const apiUrl = env['API_URL'] ?? (apiPort > 0 ? `http://127.0.0.1:${apiPort}` : '');
  const billingUrl = env['BILLING_URL'] ?? (billingPort > 0 ? `http://127.0.0.1:${billingPort}` : '');
  if (hosts('worker') && billingUrl === '') refuse('BILLING_URL (or BILLING_PORT) must be set for the worker');
  if (hosts('billing') && apiUrl === '') refuse('API_URL (or API_PORT) must be set for billing');
  const seed = Number(env['SEED'] ?? 1);
  if (!Number.isSafeInteger(seed)) refuse(`SEED must be an integer, got "${env['SEED']}"`);
  const runId = (env['CHECKOUT_RUN_ID'] ?? 'local').replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40);
  return {
    roles: roles as Role[],
    apiPort,
    billingPort,
    apiUrl,
    billingUrl,
    brokerUrl: env['BROKER_URL'] === '' ? undefined : env['BROKER_URL'],
    databaseUrl: env['DATABASE_URL'] === '' ? undefined : env['DATABASE_URL'],
    runId,
    seed,
    faults: new Set(faults),
    rootLoss: faults.includes('root-loss') ? rootLoss : 0,
  };
}
