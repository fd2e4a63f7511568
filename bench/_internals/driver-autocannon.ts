// autocannon ships no types; this is the slice of its programmatic API the driver benchmark uses.
import { createRequire } from 'node:module';

interface AutocannonOptions {
  readonly url: string;
  readonly connections: number;
  readonly pipelining: number;
  /** Seconds. */
  readonly duration: number;
  readonly headers?: Readonly<Record<string, string>>;
}

interface AutocannonResult {
  readonly requests: { readonly total: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** Seconds, as measured by autocannon. */
  readonly duration: number;
}

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

/** Runs autocannon against `url` and returns the responses per second it counted, with its failures. */
export async function autocannonRate(
  url: string,
  connections: number,
  seconds: number,
  headers: Readonly<Record<string, string>> = {},
): Promise<{ perSecond: number; responses: number; failures: number }> {
  const result = await autocannon({ url, connections, pipelining: 1, duration: seconds, headers });
  return {
    perSecond: result.requests.total / result.duration,
    responses: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}
