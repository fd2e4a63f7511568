import { InvalidArgumentError } from '../../errors.js';
import type { LogSource } from '../../model/log.js';
import type { UnixNano } from '../../model/time.js';
import { millisToNanos } from '../../model/time.js';

/** Field names searched for a trace id, in order; a dotted name also matches nested objects (`trace: { id }`). */
export const DEFAULT_TRACE_ID_FIELDS: readonly string[] = Object.freeze(['trace_id', 'traceId', 'trace.id']);
/** Field names searched for a span id, in order. */
export const DEFAULT_SPAN_ID_FIELDS: readonly string[] = Object.freeze(['span_id', 'spanId', 'span.id']);
/** Field names searched for W3C trace flags (`"01"` or 1). */
export const DEFAULT_TRACE_FLAGS_FIELDS: readonly string[] = Object.freeze([
  'trace_flags',
  'traceFlags',
  'trace.flags',
]);
/** Longest line kept whole, in characters; longer lines keep their head and are marked truncated. */
export const DEFAULT_MAX_LINE_CHARS = 64 * 1024;

/** How captured log lines become LogRecords. */
export interface LogLineOptions {
  /** The emitting service's name (what its spans carry as `service.name`). */
  readonly service: string;
  readonly source: LogSource;
  /** Replaces DEFAULT_TRACE_ID_FIELDS; spread it to extend (`[...DEFAULT_TRACE_ID_FIELDS, 'dd.trace_id']`). */
  readonly traceIdFields?: readonly string[];
  /** Replaces DEFAULT_SPAN_ID_FIELDS. */
  readonly spanIdFields?: readonly string[];
  /** Default DEFAULT_MAX_LINE_CHARS. */
  readonly maxLineChars?: number;
  /** The observed time of a line; default the wall clock. */
  readonly observedNow?: () => UnixNano;
}

export interface ResolvedLogLineOptions {
  readonly service: string;
  readonly source: LogSource;
  readonly traceIdFields: readonly string[];
  readonly spanIdFields: readonly string[];
  readonly maxLineChars: number;
  readonly observedNow: () => UnixNano;
}

function fieldList(
  api: string,
  name: string,
  fields: readonly string[] | undefined,
  fallback: readonly string[],
): readonly string[] {
  if (fields === undefined) return fallback;
  const list: unknown = fields;
  if (!Array.isArray(list) || list.some((field) => typeof field !== 'string' || field === '')) {
    throw new InvalidArgumentError(`${api}: ${name} must be an array of non-empty field names`);
  }
  return fields;
}

/** Validates options and fills in defaults; errors are prefixed with `api`. */
export function resolveLogLineOptions(options: LogLineOptions, api: string): ResolvedLogLineOptions {
  if (typeof options.service !== 'string' || options.service === '') {
    throw new InvalidArgumentError(`${api}: service must be a non-empty string`);
  }
  const maxLineChars = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  if (!Number.isInteger(maxLineChars) || maxLineChars < 1) {
    throw new InvalidArgumentError(`${api}: maxLineChars must be a positive integer, got ${String(maxLineChars)}`);
  }
  return {
    service: options.service,
    source: options.source,
    traceIdFields: fieldList(api, 'traceIdFields', options.traceIdFields, DEFAULT_TRACE_ID_FIELDS),
    spanIdFields: fieldList(api, 'spanIdFields', options.spanIdFields, DEFAULT_SPAN_ID_FIELDS),
    maxLineChars,
    observedNow: options.observedNow ?? (() => millisToNanos(Date.now())),
  };
}
