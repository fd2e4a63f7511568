import type { IncomingMessage, ServerResponse } from 'node:http';
import { OverloadedError } from '../../errors.js';
import { answerExport, answerInternalError, answerReadFailure, refuse } from './answer.js';
import { readBody } from './body.js';
import { formatBytes } from './byte-size.js';
import { codingOf, formatHint, formatOf } from './content.js';
import type { ContentCoding } from './content.js';
import type { ReceiverContext } from './receiver-context.js';
import type { RequestOutcome } from './receiver-stats.js';
import type { OtlpFormat } from './responses.js';
import { pathOf, signalAt } from './routes.js';
import { sendExportResponse } from './respond.js';

const MAX_PATH_SHOWN = 200;

function declaredLength(request: IncomingMessage): number | undefined {
  const header = request.headers['content-length'];
  // node:http has already refused malformed or conflicting Content-Length headers.
  return header === undefined || request.headers['transfer-encoding'] !== undefined ? undefined : Number(header);
}

function hasBody(request: IncomingMessage): boolean {
  const declared = declaredLength(request);
  return declared === undefined ? request.headers['transfer-encoding'] !== undefined : declared > 0;
}

/** Answers metrics exports with an empty success and drops the body unread into memory. */
function discardMetrics(
  context: ReceiverContext,
  request: IncomingMessage,
  response: ServerResponse,
  format: OtlpFormat,
) {
  request.on('end', () => {
    sendExportResponse(response, 'metrics', 0, '', format);
    context.counts.metrics++;
  });
  request.on('close', () => {
    if (!request.complete) context.counts.aborted++;
  });
  request.resume();
}

/** Admits the body to the ingest queue (or answers 429 at once), reads it, stores it and answers. */
function admitAndIngest(
  context: ReceiverContext,
  request: IncomingMessage,
  response: ServerResponse,
  signal: 'traces' | 'logs',
  format: OtlpFormat,
  coding: ContentCoding,
  declared: number | undefined,
): void {
  const retryAfter = { 'retry-after': String(context.retryAfterSeconds) };
  const retryHint = `retry after ${context.retryAfterSeconds} s`;
  const ticket = context.queue.tryAdmit(declared ?? 0);
  if (ticket === undefined) {
    const message = `${context.queue.refusal(declared ?? 0) ?? 'ingest queue is full'}; ${retryHint}`;
    return refuse(
      context,
      request,
      response,
      { outcome: 'throttled', status: 429, message, format, closeConnection: hasBody(request) },
      retryAfter,
    );
  }
  const hold = (bytes: number): void => {
    if (ticket.grow(bytes)) return;
    const queue = context.queue;
    throw new OverloadedError(
      `ingest queue is full: ${formatBytes(queue.bytes)} held, ${formatBytes(bytes)} more would pass the limit ` +
        `of ${formatBytes(queue.maxBytes)}; ${retryHint}`,
    );
  };
  readBody(request, { coding, maxBodyBytes: context.maxBodyBytes, declaredBytes: declared, hold })
    .then(
      (body) => {
        try {
          answerExport(context, request, response, signal, format, body, () => ticket.release());
        } catch (error) {
          ticket.release();
          throw error;
        }
      },
      (error: unknown) => {
        try {
          answerReadFailure(context, request, response, format, error);
        } finally {
          ticket.release();
        }
      },
    )
    .catch((error: unknown) => answerInternalError(context, request, response, error));
}

/**
 * Answers one OTLP/HTTP request: authorization, route, method, content negotiation and the size limit are checked
 * before any of the body is read; then the ingest queue admits the body or the request is answered 429 at once.
 */
export function handleRequest(context: ReceiverContext, request: IncomingMessage, response: ServerResponse): void {
  const unread = hasBody(request);
  const hint = formatHint(request.headers['content-type']) ?? 'json';
  // Answers given before the body is read close the connection when a body is on its way.
  const early = (outcome: RequestOutcome, status: number, message: string, format = hint) =>
    ({ outcome, status, message, format, closeConnection: unread }) as const;

  if (context.bearer !== undefined && !context.bearer.accepts(request.headers.authorization)) {
    const refusal = early('unauthorized', 401, 'missing or wrong bearer token; send Authorization: Bearer <token>');
    return refuse(context, request, response, refusal, { 'www-authenticate': 'Bearer realm="tracegate"' });
  }
  const signal = signalAt(request.url);
  // The path is echoed back, so a long one is cut: the answer stays small whatever the client sent.
  const path = pathOf(request.url).slice(0, MAX_PATH_SHOWN);
  if (signal === undefined) {
    const message = `no OTLP endpoint at ${path}; POST to /v1/traces, /v1/logs or /v1/metrics`;
    return refuse(context, request, response, early('notFound', 404, message));
  }
  if (request.method !== 'POST') {
    const message = `${request.method} is not allowed on ${path}; use POST`;
    return refuse(context, request, response, early('methodNotAllowed', 405, message), { allow: 'POST' });
  }
  let format: OtlpFormat;
  let coding: ContentCoding;
  try {
    format = formatOf(request.headers['content-type']);
    coding = codingOf(request.headers['content-encoding']);
  } catch (error) {
    return refuse(context, request, response, early('unsupported', 415, (error as Error).message));
  }
  const declared = declaredLength(request);
  const limit = context.maxBodyBytes;
  if (declared !== undefined && declared > limit) {
    const what = coding === 'identity' ? 'body' : `${coding} body before decompression`;
    const message = `${what} is ${formatBytes(declared)} (Content-Length ${declared}), limit is ${formatBytes(limit)}`;
    return refuse(context, request, response, early('tooLarge', 413, message, format));
  }
  if (signal === 'metrics') return discardMetrics(context, request, response, format);

  admitAndIngest(context, request, response, signal, format, coding, declared);
}
