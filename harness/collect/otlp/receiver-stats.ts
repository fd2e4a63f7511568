/** Requests the receiver answered, by outcome. Every request lands in exactly one count. */
export interface ReceiverStats {
  /** Trace and log exports stored in full (200). */
  readonly accepted: number;
  /** Exports stored with some items refused (200 with partialSuccess). */
  readonly partial: number;
  /** Undecodable bodies, corrupt compression (400). */
  readonly badRequest: number;
  /** Bodies over the limit, measured after decompression (413). */
  readonly tooLarge: number;
  /** Unknown content types or encodings (415). */
  readonly unsupported: number;
  /** Refused because the ingest queue was full (429). */
  readonly throttled: number;
  /** Missing or wrong bearer token (401). */
  readonly unauthorized: number;
  readonly notFound: number;
  readonly methodNotAllowed: number;
  /** Metrics exports, answered 200 and discarded. */
  readonly metrics: number;
  /** Requests whose client went away before the body was complete (no answer possible). */
  readonly aborted: number;
  /** Requests that hit a fault in tracegate itself (500); each one is a bug. */
  readonly internalError: number;
}

export type RequestOutcome = keyof ReceiverStats;

/** Zeroed counts, mutable by the receiver; `stats()` hands out copies. */
export function zeroStats(): Record<RequestOutcome, number> {
  return {
    accepted: 0,
    partial: 0,
    badRequest: 0,
    tooLarge: 0,
    unsupported: 0,
    throttled: 0,
    unauthorized: 0,
    notFound: 0,
    methodNotAllowed: 0,
    metrics: 0,
    aborted: 0,
    internalError: 0,
  };
}
