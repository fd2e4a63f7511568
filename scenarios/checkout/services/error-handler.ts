import { SpanStatusCode, context } from '@opentelemetry/api';
import { getRPCMetadata } from '@opentelemetry/core';
import type { ErrorRequestHandler } from 'express';
import type pino from 'pino';
import type { FaultName } from '../faults.js';

/** An error that answers with its own HTTP status. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string, name = 'HttpError') {
    super(message);
    this.status = status;
    this.name = name;
  }
}

/**
 * The express error handler: records the exception on the request's entry (HTTP server) span and marks it ERROR,
 * then answers with the error's status. Two faults break it the way teams do:
 * - error-no-exception: only the status is set (the HTTP instrumentation's 5xx → ERROR), no `exception` event;
 * - error-no-status: the exception is recorded, then the span is ended by hand before the response is written, so
 *   the instrumentation's 5xx → ERROR arrives after the end and is dropped: the status stays UNSET.
 */
export function errorHandler(faults: ReadonlySet<FaultName>, logger: pino.Logger): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) return next(error);
    const failure = error instanceof Error ? error : new Error(String(error));
    const own = (error as { status?: unknown } | null)?.status;
    const status = typeof own === 'number' && own >= 400 && own < 600 ? own : 500;
    const entry = getRPCMetadata(context.active())?.span;
    logger.error({ err: failure, status }, `request failed: ${failure.message}`);
    if (entry !== undefined && status >= 500) {
      if (faults.has('error-no-exception')) {
        entry.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
      } else if (faults.has('error-no-status')) {
        entry.recordException(failure);
        // The instrumentation names the span after its route when the response ends; ended now, it would not.
        const route = (request.route as { path?: unknown } | undefined)?.path;
        if (typeof route === 'string') entry.updateName(`${request.method} ${route}`);
        entry.end();
      } else {
        entry.recordException(failure);
        entry.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
      }
    }
    response.status(status).json({ error: failure.name, message: failure.message });
  };
}
