/** How a record's trace id was learned; the checks report it with every correlation they make. */
export type CorrelationMethod = 'traceparent' | 'traceresponse' | 'request-id' | 'timing';

/** Why a request failed, as a stable short code. HTTP error statuses are not failures: they have a status. */
export type RequestErrorCode =
  | 'connect-timeout'
  | 'headers-timeout'
  | 'body-timeout'
  | 'too-large'
  | 'connection-refused'
  | 'connection-reset'
  | 'host-not-found'
  | 'protocol'
  | 'aborted'
  | 'other';

/** A failed request's error: a code to match on and a message for people. */
export interface RequestError {
  readonly code: RequestErrorCode;
  readonly message: string;
}

/** When a request ran; durations are measured from the moment it was handed to the connection pool. */
export interface RequestTimings {
  /** When it started, in Unix milliseconds (fractional). */
  readonly startUnixMs: number;
  /**
   * Until it was written to a connection: the TCP (and TLS) connect when it opened one, near 0 on a reused
   * keep-alive connection. Undefined when no connection was had.
   */
  readonly connectMs: number | undefined;
  /** Until the response status line and headers arrived. Undefined without a response. */
  readonly ttfbMs: number | undefined;
  /** Until the response ended or the request failed. */
  readonly totalMs: number;
}

/** What one synthetic request did: the evidence the checks correlate spans with. */
export interface RequestRecord {
  /** 1 for the run's first request, in the order requests were started. */
  readonly seq: number;
  /** The mix entry's name, or `METHOD /path-template`. */
  readonly route: string;
  readonly method: string;
  readonly url: string;
  /** The injected trace id, or the one a `traceresponse` header reported; undefined when neither exists. */
  readonly traceId: string | undefined;
  /** The injected client span id (the entry span's expected parent), or the service span from `traceresponse`. */
  readonly spanId: string | undefined;
  readonly correlation: CorrelationMethod;
  /** The response's request-id header (`x-request-id` unless configured), when it had one. */
  readonly requestId: string | undefined;
  /** Final HTTP status; undefined when no response headers arrived. */
  readonly status: number | undefined;
  readonly error: RequestError | undefined;
  readonly timings: RequestTimings;
  /** Response body bytes received (all of them, or up to the point the request failed). */
  readonly bytesReceived: number;
}

/** Counts so far: `sent` = `completed` (a response ended, any status) + `failed` (an error) + in flight. */
export interface TrafficProgress {
  readonly sent: number;
  readonly completed: number;
  readonly failed: number;
}

/** What a run did. */
export interface TrafficResult extends TrafficProgress {
  /** One per request sent, in `seq` order (empty when `keepRecords` is false). */
  readonly records: readonly RequestRecord[];
  /** From the first request's start to the last one's end, in ms. */
  readonly durationMs: number;
  readonly runId: string;
  /** Pass it back as `seed` to send the same ids and the same mix again. */
  readonly seed: number;
}
