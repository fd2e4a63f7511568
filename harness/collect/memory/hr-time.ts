import type { HrTime } from '@opentelemetry/api';
import type { UnixNano } from '../../model/time.js';

const NANOS_PER_SECOND = 1_000_000_000n;

/**
 * Exact nanoseconds since the epoch for an SDK HrTime `[seconds, nanos]`. Fractions are truncated, as the OTLP
 * exporters do, so a span reads the same whether it arrived in process or over the wire.
 */
export function hrTimeToNanos(time: HrTime): UnixNano {
  return BigInt(Math.trunc(time[0])) * NANOS_PER_SECOND + BigInt(Math.trunc(time[1]));
}
