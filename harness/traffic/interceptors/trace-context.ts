import type { Dispatcher } from 'undici';
import type { TraceIdSource } from '../_internals/trace-id-source.js';
import { exchangeOf } from '../_internals/exchange.js';
import type { ExchangeDispatchOptions } from '../_internals/exchange.js';

/**
 * Injects W3C trace context into every request: a sampled `traceparent` with the request's trace id and a
 * synthetic client span id (unless its mix entry fixed a traceparent), and `baggage` with `tracegate.run` and
 * `tracegate.req` ahead of the user's members, so a service that truncates baggage keeps tracegate's.
 */
export function traceContext(ids: TraceIdSource, runId: string): Dispatcher.DispatcherComposeInterceptor {
  const runMembers = `tracegate.run=${runId},tracegate.req=`;
  return (dispatch) => (options, handler) => {
    const exchange = exchangeOf(options);
    const { seq, entry } = exchange;
    const baggage = entry.baggage === undefined ? runMembers + seq : `${runMembers}${seq},${entry.baggage}`;
    const headers = (options as ExchangeDispatchOptions).headers;
    exchange.correlation = 'traceparent';
    // A user's traceparent is already among the entry's headers.
    const added =
      entry.traceparent === undefined
        ? [...headers, 'traceparent', ids.traceparent(seq), 'baggage', baggage]
        : [...headers, 'baggage', baggage];
    return dispatch({ ...options, headers: added }, handler);
  };
}
