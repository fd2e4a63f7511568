// The checkout scenario as a function of the system's options; scenario.ts reads them from the environment.
import type { Scenario } from '../../harness/run/scenario.js';
import { CHECKOUT_MIX, CHECKOUT_ROUTE, CHECKOUT_TREE, FAILURE_ROUTE, FAILURE_TREE, ORDER_ROUTE } from './mix.js';
import type { CheckoutOptions } from './topology.js';
import { checkoutServices } from './topology.js';

/** How the checkout scenario runs: the system's options, plus how much traffic to send. */
export interface CheckoutScenarioOptions extends CheckoutOptions {
  /** How many requests. Default 1,000. */
  readonly requests?: number;
  /** Requests in flight at once. Default 8. */
  readonly concurrency?: number;
}

const DEFAULT_REQUESTS = 1000;
const DEFAULT_CONCURRENCY = 8;

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
