import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { RpcCode, encodeErrorStatus, encodeExportResponse } from './responses.js';
import type { OtlpFormat, OtlpSignal } from './responses.js';

const CONTENT_TYPES: Readonly<Record<OtlpFormat, string>> = {
  json: 'application/json',
  protobuf: 'application/x-protobuf',
};

// The google.rpc.Code each HTTP status stands for, as gRPC maps them (too large and unsupported compression
// included); NOT_FOUND (5) and INTERNAL (13) are not in RpcCode because only the receiver uses them.
const RPC_CODES: Readonly<Record<number, number>> = {
  400: RpcCode.InvalidArgument,
  401: RpcCode.Unauthenticated,
  404: 5,
  405: RpcCode.Unimplemented,
  413: RpcCode.ResourceExhausted,
  415: RpcCode.Unimplemented,
  429: RpcCode.ResourceExhausted,
};

function send(
  response: ServerResponse,
  status: number,
  body: Buffer,
  format: OtlpFormat,
  headers: OutgoingHttpHeaders,
): void {
  response.writeHead(status, {
    ...headers,
    'content-type': CONTENT_TYPES[format],
    'content-length': body.length,
  });
  response.end(body);
}

/** Answers an export with 200 and its Export*ServiceResponse (partialSuccess when items were refused). */
export function sendExportResponse(
  response: ServerResponse,
  signal: OtlpSignal,
  rejected: number,
  message: string,
  format: OtlpFormat,
): void {
  if (rejected === 0 && message === '') {
    sendEmptySuccess(response, format);
    return;
  }
  send(response, 200, encodeExportResponse(signal, rejected, message, format), format, {});
}

// The answer to almost every export, made once. A string body is written together with the head in one write
// (a Buffer body costs a second one); the protobuf answer has no body at all.
const EMPTY_JSON_BODY = '{}';
// Flat [name, value, …] lists: writeHead takes them as they are, without copying an object's entries.
const EMPTY_SUCCESS_HEADERS: Readonly<Record<OtlpFormat, string[]>> = {
  json: ['content-type', CONTENT_TYPES.json, 'content-length', String(Buffer.byteLength(EMPTY_JSON_BODY))],
  protobuf: ['content-type', CONTENT_TYPES.protobuf, 'content-length', '0'],
};

function sendEmptySuccess(response: ServerResponse, format: OtlpFormat): void {
  response.writeHead(200, EMPTY_SUCCESS_HEADERS[format]);
  if (format === 'json') response.end(EMPTY_JSON_BODY);
  else response.end();
}

/**
 * Answers with an error status and a google.rpc.Status body in `format`. `closeConnection` is for answers given
 * before the body was read: the unread rest must not be parsed as the next request, so the socket closes.
 */
export function sendErrorStatus(
  response: ServerResponse,
  status: number,
  message: string,
  format: OtlpFormat,
  closeConnection: boolean,
  headers: OutgoingHttpHeaders = {},
): void {
  send(
    response,
    status,
    encodeErrorStatus(message, format, RPC_CODES[status] ?? RpcCode.InvalidArgument),
    format,
    closeConnection ? { ...headers, connection: 'close' } : headers,
  );
}

/** Last resort when encoding a proper answer failed: a plain 500 that cannot throw again. */
export function sendInternalError(response: ServerResponse, message: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = Buffer.from(JSON.stringify({ code: 13, message }));
  response.writeHead(500, { 'content-type': 'application/json', 'content-length': body.length, connection: 'close' });
  response.end(body);
}
