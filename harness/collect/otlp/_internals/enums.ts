import { SPAN_KINDS, STATUS_ERROR, STATUS_OK, STATUS_UNSET } from '../../../model/span.js';
import type { SpanKind, SpanStatus, StatusCode } from '../../../model/span.js';

const STATUS_CODES: readonly StatusCode[] = ['unset', 'ok', 'error'];
const SHARED_STATUS: readonly SpanStatus[] = [STATUS_UNSET, STATUS_OK, STATUS_ERROR];

/** OTLP enums are open: a number this version does not know maps to the unspecified kind, not an error. */
export function spanKindOf(kind: number): SpanKind {
  return SPAN_KINDS[kind] ?? 'unspecified';
}

/** The status for an OTLP code and message; messageless statuses are the shared constants. */
export function spanStatusOf(code: number, message: string): SpanStatus {
  if (message === '') return SHARED_STATUS[code] ?? STATUS_UNSET;
  return { code: STATUS_CODES[code] ?? 'unset', message };
}

const SPAN_KIND_NUMBERS = new Map<string, number>(
  SPAN_KINDS.map((kind, index) => [`SPAN_KIND_${kind.toUpperCase()}`, index]),
);
const STATUS_CODE_NUMBERS = new Map<string, number>(
  STATUS_CODES.map((code, index) => [`STATUS_CODE_${code.toUpperCase()}`, index]),
);
const SEVERITY_NUMBERS = new Map<string, number>([['SEVERITY_NUMBER_UNSPECIFIED', 0]]);
for (const [index, level] of ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'].entries()) {
  SEVERITY_NUMBERS.set(`SEVERITY_NUMBER_${level}`, index * 4 + 1);
  for (let step = 2; step <= 4; step++) SEVERITY_NUMBERS.set(`SEVERITY_NUMBER_${level}${step}`, index * 4 + step);
}

/** Enum names OTLP/JSON senders may use instead of numbers, by enum. */
export const ENUM_NAMES = {
  kind: SPAN_KIND_NUMBERS,
  code: STATUS_CODE_NUMBERS,
  severityNumber: SEVERITY_NUMBERS,
} as const;
