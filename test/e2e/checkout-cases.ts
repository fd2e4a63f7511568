// The end-to-end matrix of the checkout system: what each case runs and what its report must show.
import type { BreakClass, CheckId } from '../../harness/report/report-checks.js';
import type { FaultName } from '../../scenarios/checkout/topology.js';

/** A dependency a case needs: its URL comes from the environment first, then a container. */
export type Dependency = 'rabbitmq' | 'redis' | 'postgres';

/** A case of the matrix and the one check it must fail (null: every check passes). */
export interface MatrixCase {
  readonly name: string;
  readonly faults: readonly FaultName[];
  readonly rootLoss?: number;
  /** Runs api, relay and worker apart; they share the outbox through PostgreSQL, so `database` must be true. */
  readonly broker?: Exclude<Dependency, 'postgres'>;
  readonly database?: boolean;
  /** Hygiene findings fail the run only when asked; the span-name-ids case asks. */
  readonly failOnHygiene?: boolean;
  readonly fails: CheckId | null;
  /**
   * Checks that fail as a consequence of the same mistake, with the README's reason; every other check must pass.
   * Only late-sdk has any: with no api spans at all, the webhook's server span is gone too.
   */
  readonly alsoFails?: readonly CheckId[];
  /** For hop-continuity: the broken edge and how its breaks must be classified. */
  readonly brokenHop?: { readonly from: string; readonly to: string; readonly break: BreakClass };
  /** For log-correlation: the failure is leakage (another request's trace id), not missing ids. */
  readonly leakage?: boolean;
}

/** Requests per case: every route, edge and service gets at least 30 samples with the scenario's seed (1). */
export const MATRIX_REQUESTS = 200;
export const MATRIX_SEED = 1;

export const MATRIX: readonly MatrixCase[] = [
  { name: 'healthy, embedded broker', faults: [], fails: null },
  { name: 'healthy, RabbitMQ', faults: [], broker: 'rabbitmq', database: true, fails: null },
  { name: 'healthy, Redis', faults: [], broker: 'redis', database: true, fails: null },
  { name: 'healthy, PostgreSQL', faults: [], database: true, fails: null },
  {
    name: 'queue-context',
    faults: ['queue-context'],
    fails: 'hop-continuity',
    brokenHop: { from: 'relay', to: 'worker', break: 'restarted' },
  },
  {
    name: 'queue-context, RabbitMQ',
    faults: ['queue-context'],
    broker: 'rabbitmq',
    database: true,
    fails: 'hop-continuity',
    brokenHop: { from: 'relay', to: 'worker', break: 'restarted' },
  },
  {
    name: 'queue-context, Redis',
    faults: ['queue-context'],
    broker: 'redis',
    database: true,
    fails: 'hop-continuity',
    brokenHop: { from: 'relay', to: 'worker', break: 'restarted' },
  },
  {
    name: 'outbox-context',
    faults: ['outbox-context'],
    fails: 'hop-continuity',
    brokenHop: { from: 'api', to: 'relay', break: 'restarted' },
  },
  {
    name: 'late-sdk',
    faults: ['late-sdk'],
    fails: 'root-coverage',
    alsoFails: ['hop-continuity'],
  },
  { name: 'error-no-status', faults: ['error-no-status'], fails: 'error-recording' },
  { name: 'error-no-exception', faults: ['error-no-exception'], fails: 'error-recording' },
  { name: 'log-no-ids', faults: ['log-no-ids'], fails: 'log-correlation' },
  { name: 'log-leak', faults: ['log-leak'], fails: 'log-correlation', leakage: true },
  { name: 'root-loss 0.03', faults: ['root-loss'], rootLoss: 0.03, fails: null },
  { name: 'root-loss 0.08', faults: ['root-loss'], rootLoss: 0.08, fails: 'root-coverage' },
  { name: 'span-name-ids', faults: ['span-name-ids'], failOnHygiene: true, fails: 'hygiene' },
];
