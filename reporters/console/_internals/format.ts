/** A share with at most four decimals and no trailing zeros: 0.9534, 1, 0. */
export function share(value: number): string {
  return String(Number(value.toFixed(4)));
}

/** Milliseconds for people: 850 ms, 3.2 s. */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
