// Which requests the root-loss fault drops, computed from the same seeded choices the driver and the api make.
import { compilePlan, pickEntry } from '../../harness/traffic/_internals/compiled-plan.js';
import { TraceIdSource } from '../../harness/traffic/_internals/trace-id-source.js';
import { CHECKOUT_MIX, FAILURE_ROUTE } from '../../scenarios/checkout/mix.js';
import { isLost } from '../../scenarios/checkout/services/_internals/root-loss-processor.js';
import { MATRIX_REQUESTS, MATRIX_SEED } from './checkout-cases.js';

/**
 * Per route, the requests sent and those whose entry span arrives under ROOT_LOSS=`share`: the mix picks each
 * request's route from (seed, seq), the api drops the entry span of the request numbers isLost picks, except on
 * failing requests (their ERROR spans are kept).
 */
export function expectedRootCoverage(
  share: number,
  requests = MATRIX_REQUESTS,
  seed = MATRIX_SEED,
): Record<string, { n: number; covered: number }> {
  const plan = compilePlan({ target: 'http://127.0.0.1:1', requests: CHECKOUT_MIX }, 'root-loss', true);
  const ids = new TraceIdSource(seed);
  const routes: Record<string, { n: number; covered: number }> = {};
  for (let seq = 1; seq <= requests; seq++) {
    const route = pickEntry(plan, ids.mixPoint(seq)).route;
    const row = (routes[route] ??= { n: 0, covered: 0 });
    row.n++;
    if (route === FAILURE_ROUTE || !isLost(seq, share, seed)) row.covered++;
  }
  return routes;
}
