/** Stable error codes: pipelines and tests match on these, never on message text. */
export const ErrorCode = {
  InvalidArgument: 'TRACEGATE_ERR_INVALID_ARGUMENT',
  OtlpDecode: 'TRACEGATE_ERR_OTLP_DECODE',
  BodyTooLarge: 'TRACEGATE_ERR_BODY_TOO_LARGE',
  UnsupportedMediaType: 'TRACEGATE_ERR_UNSUPPORTED_MEDIA_TYPE',
  Overloaded: 'TRACEGATE_ERR_OVERLOADED',
  Unauthorized: 'TRACEGATE_ERR_UNAUTHORIZED',
  Timeout: 'TRACEGATE_ERR_TIMEOUT',
  Closed: 'TRACEGATE_ERR_CLOSED',
  PatternSyntax: 'TRACEGATE_ERR_PATTERN_SYNTAX',
  InvalidReport: 'TRACEGATE_ERR_INVALID_REPORT',
  ServiceStart: 'TRACEGATE_ERR_SERVICE_START',
  DependencyUnavailable: 'TRACEGATE_ERR_DEPENDENCY_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Root of every error tracegate throws; `code` is stable across versions. */
export class TracegateError extends Error {
  override readonly name: string = 'TracegateError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A caller passed an option or argument tracegate cannot use. */
export class InvalidArgumentError extends TracegateError {
  override readonly name = 'InvalidArgumentError';
  constructor(message: string) {
    super(ErrorCode.InvalidArgument, message);
  }
}

/** An OTLP body could not be decoded (answered with 400). */
export class OtlpDecodeError extends TracegateError {
  override readonly name = 'OtlpDecodeError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.OtlpDecode, message, options);
  }
}

/** A body exceeded the configured limit, measured after decompression (answered with 413). */
export class BodyTooLargeError extends TracegateError {
  override readonly name = 'BodyTooLargeError';
  constructor(
    message: string,
    readonly limitBytes: number,
  ) {
    super(ErrorCode.BodyTooLarge, message);
  }
}

/** A content type or content encoding the receiver does not speak (answered with 415). */
export class UnsupportedMediaTypeError extends TracegateError {
  override readonly name = 'UnsupportedMediaTypeError';
  constructor(message: string) {
    super(ErrorCode.UnsupportedMediaType, message);
  }
}

/** A wait ran past its deadline; the message says what it waited for and what it had. */
export class TimeoutError extends TracegateError {
  override readonly name = 'TimeoutError';
  constructor(message: string) {
    super(ErrorCode.Timeout, message);
  }
}

/** The receiver's ingest queue is full (answered with 429 and `Retry-After`). */
export class OverloadedError extends TracegateError {
  override readonly name = 'OverloadedError';
  constructor(message: string) {
    super(ErrorCode.Overloaded, message);
  }
}

/** A selector string is not valid; `column` (1-based) points at the problem, the message shows it with a caret. */
export class PatternSyntaxError extends TracegateError {
  override readonly name = 'PatternSyntaxError';
  constructor(
    message: string,
    readonly selector: string,
    readonly column: number,
  ) {
    super(ErrorCode.PatternSyntax, message);
  }
}

/** A saved report is not JSON or not a valid report of a version this tracegate reads; `problems` name each field. */
export class InvalidReportError extends TracegateError {
  override readonly name = 'InvalidReportError';
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(ErrorCode.InvalidReport, message);
  }
}

/** Why a service under test did not start: it could not be spawned, exited before it was ready, or never got ready. */
export type ServiceStartFailure = 'spawn' | 'exited' | 'not-ready';

/**
 * A service under test failed to start. The message names the service, what it waited for, the exit code or signal
 * and the last lines the service printed; the same facts are fields for programs.
 */
export class ServiceStartError extends TracegateError {
  override readonly name = 'ServiceStartError';
  constructor(
    message: string,
    readonly service: string,
    readonly failure: ServiceStartFailure,
    readonly exitCode: number | null,
    readonly signal: string | null,
    readonly lastLines: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(ErrorCode.ServiceStart, message, options);
  }
}

/** Why a test dependency could not be provided: no Docker engine, its image is not built, or its container failed. */
export type DependencyUnavailableReason = 'no-engine' | 'image-missing' | 'start-failed';

/**
 * A dependency (PostgreSQL, Redis, RabbitMQ) has no URL in the environment and no container could be started for it.
 * The message says why and how to fix it (start an engine, build the image); the same facts are fields.
 */
export class DependencyUnavailableError extends TracegateError {
  override readonly name = 'DependencyUnavailableError';
  constructor(
    message: string,
    readonly dependency: string,
    readonly reason: DependencyUnavailableReason,
    readonly image: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(ErrorCode.DependencyUnavailable, message, options);
  }
}
