import type { Dispatcher } from 'undici';
import { BodyTooLargeError } from '../../errors.js';
import type { Controller, Headers } from '../_internals/forwarding-handler.js';
import { ForwardingHandler, headerValue } from '../_internals/forwarding-handler.js';

class SizeCapHandler extends ForwardingHandler {
  #received = 0;

  constructor(
    next: Dispatcher.DispatchHandler,
    private readonly maxBytes: number,
  ) {
    super(next);
  }

  override onResponseStart(controller: Controller, statusCode: number, headers: Headers, statusMessage?: string): void {
    super.onResponseStart(controller, statusCode, headers, statusMessage);
    const declared = Number(headerValue(headers, 'content-length'));
    // Refuse a body announced as too large before reading any of it; the status is already recorded.
    if (statusCode >= 200 && declared > this.maxBytes && !controller.aborted) {
      controller.abort(
        new BodyTooLargeError(
          `response body is ${declared} bytes (Content-Length), limit is ${this.maxBytes}`,
          this.maxBytes,
        ),
      );
    }
  }

  override onResponseData(controller: Controller, chunk: Buffer): void {
    this.#received += chunk.length;
    super.onResponseData(controller, chunk);
    if (this.#received > this.maxBytes && !controller.aborted) {
      controller.abort(
        new BodyTooLargeError(
          `response body passed the limit of ${this.maxBytes} bytes; stopped reading at ${this.#received}`,
          this.maxBytes,
        ),
      );
    }
  }
}

/** Stops reading a response body over `maxBytes` and fails the request with a BodyTooLargeError. */
export function responseSizeCap(maxBytes: number): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => dispatch(options, new SizeCapHandler(handler, maxBytes));
}
