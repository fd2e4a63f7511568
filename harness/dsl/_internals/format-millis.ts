/** Milliseconds for people: `12ms`, `0.25ms`, `1234ms` (three decimals at most, trailing zeros dropped). */
export function formatMillis(ms: number): string {
  return `${Number(ms.toFixed(ms >= 100 ? 0 : 3))}ms`;
}
