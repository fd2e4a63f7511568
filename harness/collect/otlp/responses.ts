import { InvalidArgumentError } from '../../errors.js';
import { ProtobufWriter } from './_internals/protobuf-writer.js';

/** Which OTLP export service a response answers. */
export type OtlpSignal = 'traces' | 'logs' | 'metrics';

/** The body encoding of a request, which its response must use too. */
export type OtlpFormat = 'json' | 'protobuf';

/** google.rpc.Code values the receiver answers with. */
export const RpcCode = {
  InvalidArgument: 3,
  ResourceExhausted: 8,
  Unimplemented: 12,
  Unavailable: 14,
  Unauthenticated: 16,
} as const;

// The partial-success count is named after what each signal carries.
const REJECTED_FIELD: Readonly<Record<OtlpSignal, string>> = {
  traces: 'rejectedSpans',
  logs: 'rejectedLogRecords',
  metrics: 'rejectedDataPoints',
};

/**
 * Encodes an Export{Trace,Logs,Metrics}ServiceResponse: empty (`{}` or zero bytes) when nothing was rejected
 * and there is no message, else partial_success with the rejected count and the error message.
 */
export function encodeExportResponse(
  signal: OtlpSignal,
  rejected: number,
  errorMessage: string,
  format: OtlpFormat,
): Buffer {
  if (!Number.isSafeInteger(rejected) || rejected < 0) {
    throw new InvalidArgumentError(`encodeExportResponse(): rejected must be a non-negative integer, got ${rejected}`);
  }
  const partial = rejected > 0 || errorMessage !== '';
  if (format === 'json') {
    if (!partial) return Buffer.from('{}');
    // proto3 JSON writes int64 as a decimal string
    const partialSuccess: Record<string, string> = {};
    if (rejected > 0) partialSuccess[REJECTED_FIELD[signal]] = String(rejected);
    if (errorMessage !== '') partialSuccess.errorMessage = errorMessage;
    return Buffer.from(JSON.stringify({ partialSuccess }));
  }
  if (!partial) return Buffer.alloc(0);
  const partialSuccess = new ProtobufWriter().varintField(1, rejected).stringField(2, errorMessage).finish();
  return new ProtobufWriter().bytesField(1, partialSuccess).finish();
}

/**
 * Encodes a google.rpc.Status, the body of every OTLP/HTTP error response. `code` is a google.rpc.Code
 * (default INVALID_ARGUMENT, for 400).
 */
export function encodeErrorStatus(message: string, format: OtlpFormat, code: number = RpcCode.InvalidArgument): Buffer {
  if (format === 'json') return Buffer.from(JSON.stringify({ code, message }));
  return new ProtobufWriter().varintField(1, code).stringField(2, message).finish();
}
