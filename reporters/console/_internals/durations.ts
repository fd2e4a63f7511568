/** Nanoseconds for people: 850 ns, 12 µs, 1.5 ms, 2.31 s (negative durations keep their sign). */
export function nanos(ns: number): string {
  const size = Math.abs(ns);
  if (ns === 0) return '0 ms';
  if (size < 1e3) return `${ns} ns`;
  if (size < 1e6) return `${Number((ns / 1e3).toFixed(1))} µs`;
  if (size < 1e9) return `${Number((ns / 1e6).toFixed(1))} ms`;
  return `${Number((ns / 1e9).toFixed(2))} s`;
}
