/**
 * Times are nanoseconds since the Unix epoch as bigint: OTLP carries 64-bit nanoseconds and a JavaScript
 * number keeps only 53 bits, so a number would round every realistic timestamp.
 */
export type UnixNano = bigint;

const NANOS_PER_MILLI = 1_000_000n;

/** Milliseconds since the epoch, for display and arithmetic where sub-millisecond rounding is fine. */
export function nanosToMillis(nanos: UnixNano): number {
  return Number(nanos / NANOS_PER_MILLI) + Number(nanos % NANOS_PER_MILLI) / 1e6;
}

/** Nanoseconds since the epoch for a millisecond timestamp such as `Date.now()`. */
export function millisToNanos(millis: number): UnixNano {
  const whole = Math.floor(millis);
  return BigInt(whole) * NANOS_PER_MILLI + BigInt(Math.round((millis - whole) * 1e6));
}

/** Exact span duration in nanoseconds; negative when the span ends before it starts. */
export function durationNanos(span: {
  readonly startTimeUnixNano: UnixNano;
  readonly endTimeUnixNano: UnixNano;
}): bigint {
  return span.endTimeUnixNano - span.startTimeUnixNano;
}
