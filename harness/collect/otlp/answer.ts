import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { ErrorCode } from '../../errors.js';
import type { IngestOutcome } from './ingest-pipeline.js';
import { partialSuccessMessage } from './partial-success.js';
import { sendErrorStatus, sendExportResponse, sendInternalError } from './respond.js';
import type { OtlpFormat } from './responses.js';
import type { ReceiverContext } from './receiver-context.js';
import type { RequestOutcome } from './receiver-stats.js';

/** The stable code of a tracegate error, or undefined for anything else (checked by value, not by class). */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Answers with an error status, counts the outcome and logs why. */
export function refuse(
  context: ReceiverContext,
  request: IncomingMessage,
  response: ServerResponse,
  refusal: { outcome: RequestOutcome; status: number; message: string; format: OtlpFormat; closeConnection: boolean },
  headers: OutgoingHttpHeaders = {},
): void {
  sendErrorStatus(response, refusal.status, refusal.message, refusal.format, refusal.closeConnection, headers);
  context.counts[refusal.outcome]++;
  context.debug(() => `${refusal.status} ${request.method} ${request.url}: ${refusal.message}`);
}

/**
 * Stores a complete export body (in completion order, see IngestPipeline) and answers 200 (with partialSuccess for
 * refused items) or 400; `done` is called once the body is answered or failed.
 */
export function answerExport(
  context: ReceiverContext,
  request: IncomingMessage,
  response: ServerResponse,
  signal: 'traces' | 'logs',
  format: OtlpFormat,
  body: Buffer,
  done: () => void,
): void {
  // read now: a body decoded in a worker is moved there and reads as empty afterwards
  const bytes = body.length;
  context.ingest.submit(signal, format, body, (outcome) => {
    try {
      answerOutcome(context, request, response, signal, format, bytes, outcome);
    } catch (error) {
      answerInternalError(context, request, response, error);
    } finally {
      done();
    }
  });
}

function answerOutcome(
  context: ReceiverContext,
  request: IncomingMessage,
  response: ServerResponse,
  signal: 'traces' | 'logs',
  format: OtlpFormat,
  bytes: number,
  outcome: IngestOutcome,
): void {
  if ('error' in outcome) {
    const error = outcome.error;
    if (errorCode(error) !== ErrorCode.OtlpDecode) throw error;
    const message = (error as Error).message;
    refuse(context, request, response, { outcome: 'badRequest', status: 400, message, format, closeConnection: false });
    return;
  }
  const result = outcome.result;
  const rejected = result.rejected.length;
  sendExportResponse(response, signal, rejected, rejected === 0 ? '' : partialSuccessMessage(result.rejected), format);
  context.counts[rejected === 0 ? 'accepted' : 'partial']++;
  context.debug(
    () => `200 ${request.url}: ${result.received} ${signal} records from ${bytes} bytes, ${rejected} refused`,
  );
}

/** Answers a body that could not be read whole: too large, queue full, corrupt compression, or client gone. */
export function answerReadFailure(
  context: ReceiverContext,
  request: IncomingMessage,
  response: ServerResponse,
  format: OtlpFormat,
  error: unknown,
): void {
  const message = (error as Error).message;
  // The rest of the body was left unread, so the connection cannot carry another request.
  const refusal = { message, format, closeConnection: true };
  switch (errorCode(error)) {
    case ErrorCode.BodyTooLarge:
      return refuse(context, request, response, { ...refusal, outcome: 'tooLarge', status: 413 });
    case ErrorCode.OtlpDecode:
      return refuse(context, request, response, { ...refusal, outcome: 'badRequest', status: 400 });
    case ErrorCode.Overloaded:
      return refuse(
        context,
        request,
        response,
        { ...refusal, outcome: 'throttled', status: 429 },
        {
          'retry-after': String(context.retryAfterSeconds),
        },
      );
    case ErrorCode.Closed:
      context.counts.aborted++;
      context.debug(() => `aborted ${request.url}: ${message}`);
      response.destroy();
      return;
    default:
      throw error;
  }
}

/** Answers a fault in tracegate itself with 500, so one bad request never takes the process down. */
export function answerInternalError(
  context: ReceiverContext,
  request: IncomingMessage,
  response: ServerResponse,
  error: unknown,
): void {
  const message = `tracegate receiver fault: ${error instanceof Error ? error.message : String(error)}`;
  context.counts.internalError++;
  context.debug(() => `500 ${request.method} ${request.url}: ${message}`);
  sendInternalError(response, message);
}
