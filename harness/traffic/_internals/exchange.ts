import type { Dispatcher } from 'undici';
import type { CorrelationMethod } from '../request-record.js';
import type { CompiledRequest } from './compiled-request.js';

/**
 * The correlation state of one request in flight. It rides along in the dispatch options, so each interceptor
 * can add what it learns (that context was injected, a `traceresponse`, a request id) without knowing the others.
 */
export class Exchange {
  correlation: CorrelationMethod = 'timing';
  /** Ids a `traceresponse` reported; injected ids are not stored, they follow from the seed and `seq`. */
  learnedTraceId: string | undefined = undefined;
  learnedSpanId: string | undefined = undefined;
  requestId: string | undefined = undefined;

  constructor(
    readonly seq: number,
    readonly entry: CompiledRequest,
  ) {}
}

/** Dispatch options of the driver's requests: undici's, plus the exchange. */
export interface ExchangeDispatchOptions extends Dispatcher.DispatchOptions {
  readonly exchange: Exchange;
  /** Always a flat name/value list, possibly shared between requests: interceptors add headers to a copy. */
  readonly headers: string[];
}

/** The exchange of a request the driver dispatched. */
export function exchangeOf(options: Dispatcher.DispatchOptions): Exchange {
  return (options as ExchangeDispatchOptions).exchange;
}
