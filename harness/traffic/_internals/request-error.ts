import { ErrorCode } from '../../errors.js';
import type { RequestError, RequestErrorCode } from '../request-record.js';

/** The limits a failure message quotes. */
export interface ErrorLimits {
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
}

// undici's own codes, Node's socket codes (from libuv) and tracegate's: matched by code, never by class, because
// undici errors from another copy of undici are not instances of ours.
const CODES: Readonly<Record<string, RequestErrorCode>> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect-timeout',
  ETIMEDOUT: 'connect-timeout',
  UND_ERR_HEADERS_TIMEOUT: 'headers-timeout',
  UND_ERR_BODY_TIMEOUT: 'body-timeout',
  [ErrorCode.BodyTooLarge]: 'too-large',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'too-large',
  ECONNREFUSED: 'connection-refused',
  ECONNRESET: 'connection-reset',
  EPIPE: 'connection-reset',
  UND_ERR_SOCKET: 'connection-reset',
  ENOTFOUND: 'host-not-found',
  EAI_AGAIN: 'host-not-found',
  UND_ERR_ABORTED: 'aborted',
  UND_ERR_DESTROYED: 'aborted',
  UND_ERR_CLOSED: 'aborted',
  ABORT_ERR: 'aborted',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'protocol',
  UND_ERR_HEADERS_OVERFLOW: 'protocol',
  UND_ERR_INFO: 'protocol',
};

function messageOf(code: RequestErrorCode, error: unknown, limits: ErrorLimits): string {
  switch (code) {
    case 'connect-timeout':
      return `could not connect within ${limits.connectTimeoutMs} ms`;
    case 'headers-timeout':
      return `no complete response headers within ${limits.headersTimeoutMs} ms`;
    case 'body-timeout':
      return `response body stalled for ${limits.bodyTimeoutMs} ms`;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Turns whatever a request failed with into a stable code and a message with the numbers in it. */
export function requestError(error: unknown, limits: ErrorLimits): RequestError {
  const raw = (error as { code?: unknown } | null)?.code;
  const known = typeof raw === 'string' ? CODES[raw] : undefined;
  // llhttp's parse errors (HPE_INVALID_CONSTANT, HPE_INVALID_CHUNK_SIZE, …): the service spoke broken HTTP.
  const code = known ?? (typeof raw === 'string' && raw.startsWith('HPE_') ? 'protocol' : 'other');
  return { code, message: messageOf(code, error, limits) };
}
