import { DRIVE_DEFAULTS } from '../drive-options.js';
import { integerOption, invalid, shown } from './invalid-argument.js';
import type { RequestTemplate, TrafficPlan } from '../traffic-plan.js';
import type { CompileContext, CompiledRequest } from './compiled-request.js';
import { compileRequest } from './compiled-request.js';

/** A plan checked once: where to send, the mix with its cumulative weights, and how much and how fast. */
export interface CompiledPlan {
  /** `http://host:port`, what the connection pool connects to. */
  readonly origin: string;
  readonly entries: readonly CompiledRequest[];
  /** Running totals of the entries' weights divided by the total: entry i covers [cumulative[i-1], cumulative[i]). */
  readonly cumulative: Float64Array;
  /** Requests to send; Infinity when only the duration limits the run. */
  readonly count: number;
  readonly durationMs: number | undefined;
  readonly concurrency: number;
  readonly ratePerSecond: number | undefined;
}

// Sequence numbers are 32-bit inside the id source; a run stops before they would repeat.
export const MAX_REQUESTS = 0xffff_ffff;
const MAX_CONCURRENCY = 10_000;
const DAY_MS = 86_400_000;

function targetUrl(target: unknown): URL {
  if (typeof target !== 'string') invalid(`plan.target must be a URL string, got ${shown(target)}`);
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    invalid(`plan.target is not a URL: ${shown(target)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    invalid(`plan.target must be an http: or https: URL, got ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    invalid('plan.target must not hold credentials; send them in a header of the requests instead');
  }
  if (url.search !== '' || url.hash !== '')
    invalid('plan.target must not have a query or fragment; put them in the request paths');
  return url;
}

function positiveNumber(name: string, value: unknown, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    invalid(`${name} must be a number above 0 and at most ${max}, got ${shown(value)}`);
  }
  return value;
}

/** Checks a plan, naming the field at fault, and compiles it for a run. */
export function compilePlan(plan: TrafficPlan, runId: string, propagate: boolean): CompiledPlan {
  if (typeof plan !== 'object' || plan === null) invalid(`plan must be an object, got ${shown(plan)}`);
  const url = targetUrl(plan.target);
  if (!Array.isArray(plan.requests) || plan.requests.length === 0) {
    invalid('plan.requests must be a non-empty array of requests, e.g. [{ method: "GET", path: "/" }]');
  }
  const context: CompileContext = { basePath: url.pathname.replace(/\/+$/, ''), runId, propagate };
  const entries = (plan.requests as readonly RequestTemplate[]).map((entry, index) =>
    compileRequest(entry, index, context),
  );
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
  if (!(total > 0) || !Number.isFinite(total)) invalid('plan.requests must have a total weight above 0 and finite');
  const cumulative = new Float64Array(entries.length);
  let running = 0;
  entries.forEach((entry, index) => {
    running += entry.weight;
    cumulative[index] = running / total;
  });
  // Rounding may leave the last bound a hair under 1; the last entry with weight takes the rest.
  const lastWeighted = entries.findLastIndex((entry) => entry.weight > 0);
  cumulative.fill(1, lastWeighted);

  const durationMs = positiveNumber('plan.durationMs', plan.durationMs, DAY_MS);
  const count =
    plan.count === undefined && durationMs !== undefined
      ? Infinity
      : integerOption('plan.count', plan.count, DRIVE_DEFAULTS.count, 1, MAX_REQUESTS);
  return {
    origin: url.origin,
    entries,
    cumulative,
    count,
    durationMs,
    concurrency: integerOption('plan.concurrency', plan.concurrency, DRIVE_DEFAULTS.concurrency, 1, MAX_CONCURRENCY),
    ratePerSecond: positiveNumber('plan.ratePerSecond', plan.ratePerSecond, 1_000_000),
  };
}

/** The entry whose share of [0, 1) holds `point`. */
export function pickEntry(plan: CompiledPlan, point: number): CompiledRequest {
  const { cumulative, entries } = plan;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (point < cumulative[middle]!) high = middle;
    else low = middle + 1;
  }
  return entries[low]!;
}
