import type { Dispatcher } from 'undici';
import type { Exchange } from '../_internals/exchange.js';
import { exchangeOf } from '../_internals/exchange.js';
import type { Controller, Headers } from '../_internals/forwarding-handler.js';
import { ForwardingHandler, headerValue } from '../_internals/forwarding-handler.js';
import { parseTraceparent } from '../w3c/traceparent.js';

class CorrelatingHandler extends ForwardingHandler {
  constructor(
    next: Dispatcher.DispatchHandler,
    private readonly exchange: Exchange,
    private readonly requestIdHeader: string,
  ) {
    super(next);
  }

  override onResponseStart(controller: Controller, statusCode: number, headers: Headers, statusMessage?: string): void {
    const exchange = this.exchange;
    exchange.requestId = headerValue(headers, this.requestIdHeader);
    if (exchange.correlation !== 'traceparent') learnFromResponse(exchange, headers);
    super.onResponseStart(controller, statusCode, headers, statusMessage);
  }
}

function learnFromResponse(exchange: Exchange, headers: Headers): void {
  const traceresponse = headerValue(headers, 'traceresponse');
  const parsed = traceresponse === undefined ? undefined : parseTraceparent(traceresponse);
  if (parsed?.ok === true) {
    exchange.learnedTraceId = parsed.value.traceId;
    exchange.learnedSpanId = parsed.value.spanId;
    exchange.correlation = 'traceresponse';
  } else if (exchange.requestId !== undefined) {
    exchange.correlation = 'request-id';
  }
}

/**
 * Reads what a response tells about its trace: the request-id header always, and for requests sent without trace
 * context the W3C Trace Context Level 2 `traceresponse` header, which names the trace the service started.
 * Without either, the record stays correlated by `timing`.
 */
export function responseCorrelation(requestIdHeader: string): Dispatcher.DispatcherComposeInterceptor {
  const name = requestIdHeader.toLowerCase();
  return (dispatch) => (options, handler) =>
    dispatch(options, new CorrelatingHandler(handler, exchangeOf(options), name));
}
