/** A JSON value, for request bodies given as data rather than text. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * One kind of request in the mix. `path`, header values and `body` are templates: `{{seq}}` becomes the request's
 * sequence number (1, 2, …) and `{{runId}}` the run id.
 */
export interface RequestTemplate {
  /** The route this request counts under in records and reports. Default: `METHOD /path-template`. */
  readonly name?: string;
  /** HTTP method, case-insensitive. Default `GET`. */
  readonly method?: string;
  /** Path and optional query, starting with `/`, appended to the target's path. */
  readonly path: string;
  /**
   * Extra request headers. `traceparent`, `tracestate` and `baggage` must be literal and valid W3C values; user
   * baggage is merged with tracegate's, a user `traceparent` replaces the generated one for this entry.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** Text is sent as is; any other JSON value is serialised, with `content-type: application/json` unless given. */
  readonly body?: JsonValue;
  /** Relative share of the mix, a finite number ≥ 0. Default 1. */
  readonly weight?: number;
}

/** What to send, where, how much and how fast. */
export interface TrafficPlan {
  /** Base URL of the service under test (`http:` or `https:`); its path prefixes every request path. */
  readonly target: string;
  /** The weighted mix of requests; each request picks one entry at random (reproducible from the seed). */
  readonly requests: readonly RequestTemplate[];
  /** How many requests to send. Default 100 when `durationMs` is not given; with both, the first reached ends. */
  readonly count?: number;
  /** How long to keep starting requests, in ms. Default: none (count decides). */
  readonly durationMs?: number;
  /** Most requests in flight at once, which is also the number of connections. Default 8. */
  readonly concurrency?: number;
  /** Requests started per second, spread evenly (request n starts (n−1)/rate s after the first). Default: no limit. */
  readonly ratePerSecond?: number;
}
