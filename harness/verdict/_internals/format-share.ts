/** `value` with trailing zeros trimmed after rounding to `decimals`. */
function rounded(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

/**
 * A share for a sentence that compares it with `threshold`: four decimals at most, trailing zeros trimmed, and
 * more only where rounding would make the comparison false on the page (0.949996 against 0.95 reads
 * "0.949996 < 0.95", never "0.95 < 0.95") or claim all or none (0.99995 reads "0.99995", never "1").
 */
export function formatShare(value: number, threshold: number): string {
  for (let decimals = 4; decimals <= 9; decimals++) {
    const shown = Number(rounded(value, decimals));
    // A rounded 0 or 1 would claim none or all; only the exact value may say that.
    const claimsAllOrNone = shown !== value && (shown === 0 || shown === 1);
    if (shown < threshold === value < threshold && !claimsAllOrNone) return rounded(value, decimals);
  }
  return String(value);
}

/** "1 span", "3 spans". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
