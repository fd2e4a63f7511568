import type { UnixNano } from '../../../model/time.js';
import { millisToNanos } from '../../../model/time.js';

const NANOS_PER_MILLI = 1_000_000n;
// Epoch numbers are told apart by size: seconds (zap, structlog), milliseconds (pino), micro- and nanoseconds.
const MAX_SECONDS = 1e11;
const MAX_MILLIS = 1e14;
const MAX_MICROS = 1e17;
const FRACTION = /[.,](\d+)(?=Z|[+-]\d\d:?\d\d$|$)/i;

/** Nanoseconds since the epoch for an epoch number in seconds, milliseconds, microseconds or nanoseconds. */
export function nanosFromEpochNumber(value: number): UnixNano | undefined {
  if (!Number.isFinite(value) || value <= 0) return undefined;
  if (value < MAX_SECONDS) return millisToNanos(value * 1000);
  if (value < MAX_MILLIS) return millisToNanos(value);
  if (value < MAX_MICROS) return millisToNanos(value / 1000);
  return BigInt(Math.round(value));
}

/** Nanoseconds for an ISO 8601 date (sub-millisecond digits kept) or a numeric string; undefined if neither. */
export function nanosFromText(text: string): UnixNano | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) {
    return /^\d{19}$/.test(text) ? BigInt(text) : nanosFromEpochNumber(Number(text));
  }
  const millis = Date.parse(text);
  if (Number.isNaN(millis)) return undefined;
  const digits = FRACTION.exec(text)?.[1] ?? '';
  // Date.parse keeps milliseconds; digits 4–9 of the fraction are the rest of the nanoseconds.
  const subMilli = digits.length > 3 ? BigInt(digits.slice(3, 9).padEnd(6, '0')) : 0n;
  return BigInt(millis) * NANOS_PER_MILLI + subMilli;
}

/** A log field's time as nanoseconds, whatever form the logger wrote it in. */
export function nanosFromField(value: unknown): UnixNano | undefined {
  if (typeof value === 'number') return nanosFromEpochNumber(value);
  if (typeof value === 'string') return nanosFromText(value);
  return undefined;
}
