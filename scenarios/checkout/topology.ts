import { fileURLToPath } from 'node:url';
import { InvalidArgumentError } from '../../harness/errors.js';
import type { ServiceSpec } from '../../harness/run/services/service-spec.js';
import type { FaultName } from './faults.js';
import { FAULT_NAMES, splitFaults } from './faults.js';

export type { FaultName } from './faults.js';
export { FAULT_NAMES } from './faults.js';

/** How to start the reference checkout system (README.md). */
export interface CheckoutOptions {
  /** `amqp://…` (RabbitMQ), `redis://…` (Redis), or undefined for the embedded in-process broker. */
  readonly broker?: string;
  /** PostgreSQL URL; without it the embedded mode keeps orders in memory. Required with a broker. */
  readonly databaseUrl?: string;
  readonly faults?: readonly FaultName[];
  /** Share of requests without an entry span under the root-loss fault. Default 0.03. */
  readonly rootLoss?: number;
  /** Seeds billing's declines, failures and slow answers, and which requests root-loss picks. Default 1. */
  readonly seed?: number;
  readonly apiPort: number;
  readonly billingPort: number;
  /** Names queues, Redis keys and tables so concurrent runs never share them. Default: unique per call. */
  readonly runId?: string;
}

const API = 'checkoutServices()';
const SERVICES = fileURLToPath(new URL('./services/', import.meta.url));
const COMMAND: readonly string[] = [
  process.execPath,
  '--import',
  'tsx',
  '--import',
  `${SERVICES}register.ts`,
  `${SERVICES}main.ts`,
];
let runs = 0;

/** The faults named in a comma list; throws InvalidArgumentError naming an unknown fault and the valid ones. */
export function parseFaults(text: string): FaultName[] {
  if (typeof text !== 'string') throw new InvalidArgumentError(`parseFaults(): text must be a string`);
  const { faults, unknown } = splitFaults(text);
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      `parseFaults(): unknown fault ${unknown.map((name) => `"${name}"`).join(', ')}; valid faults: ${FAULT_NAMES.join(', ')}`,
    );
  }
  return faults;
}

function checkPort(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw new InvalidArgumentError(`${API}: ${name} must be a port from 1 to 65535, got ${String(value)}`);
  }
  return value;
}

/** True for a broker URL the checkout system speaks: amqp(s):// (RabbitMQ) or redis(s):// (Redis). */
export function isBrokerUrl(url: string): boolean {
  return /^(amqps?|rediss?):\/\//.test(url);
}

/**
 * The services of the checkout system as ServiceSpecs for `startServices` or a scenario: billing, then either one
 * embedded process (api, relay and worker; service name `api`) or, with a broker, worker, relay and api apart.
 */
export function checkoutServices(options: CheckoutOptions): ServiceSpec[] {
  if (typeof options !== 'object' || options === null)
    throw new InvalidArgumentError(`${API}: options must be an object`);
  const apiPort = checkPort('apiPort', options.apiPort);
  const billingPort = checkPort('billingPort', options.billingPort);
  if (apiPort === billingPort) throw new InvalidArgumentError(`${API}: apiPort and billingPort are both ${apiPort}`);
  const faults = parseFaults((options.faults ?? []).join(','));
  const { broker, databaseUrl, rootLoss = 0.03, seed = 1 } = options;
  if (broker !== undefined && !isBrokerUrl(broker)) {
    throw new InvalidArgumentError(`${API}: broker must be an amqp:// or redis:// URL, got "${broker}"`);
  }
  if (broker !== undefined && databaseUrl === undefined) {
    throw new InvalidArgumentError(
      `${API}: broker ${broker} runs api, relay and worker apart, and they share the outbox through PostgreSQL: set databaseUrl`,
    );
  }
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new InvalidArgumentError(`${API}: databaseUrl must be a postgres:// URL, got "${databaseUrl}"`);
  }
  if (typeof rootLoss !== 'number' || !(rootLoss >= 0 && rootLoss <= 1)) {
    throw new InvalidArgumentError(`${API}: rootLoss must be a share from 0 to 1, got ${String(rootLoss)}`);
  }
  if (!Number.isSafeInteger(seed))
    throw new InvalidArgumentError(`${API}: seed must be an integer, got ${String(seed)}`);
  const runId = options.runId ?? `r${process.pid}_${Date.now().toString(36)}_${++runs}`;
  if (!/^[A-Za-z0-9_]{1,40}$/.test(runId)) {
    throw new InvalidArgumentError(`${API}: runId must be 1-40 letters, digits or _, got "${runId}"`);
  }
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const billingUrl = `http://127.0.0.1:${billingPort}`;
  const shared: Record<string, string> = {
    API_PORT: String(apiPort),
    BILLING_PORT: String(billingPort),
    API_URL: apiUrl,
    BILLING_URL: billingUrl,
    FAULTS: faults.join(','),
    ROOT_LOSS: String(rootLoss),
    SEED: String(seed),
    CHECKOUT_RUN_ID: runId,
    BROKER_URL: broker ?? '',
    DATABASE_URL: databaseUrl ?? '',
  };
  const spec = (name: string, roles: string, ready: ServiceSpec['ready']): ServiceSpec => ({
    name,
    command: COMMAND,
    env: { ...shared, OTEL_SERVICE_NAME: name, CHECKOUT_ROLES: roles },
    ready,
    readyTimeoutMs: 30_000,
  });
  const billing = spec('billing', 'billing', { url: `${billingUrl}/health` });
  const api = (roles: string) => spec('api', roles, { url: `${apiUrl}/health` });
  if (broker === undefined) return [billing, api('api,relay,worker')];
  return [
    billing,
    spec('worker', 'worker', { logLine: /worker consuming/ }),
    spec('relay', 'relay', { logLine: /relay polling the outbox/ }),
    api('api'),
  ];
}
