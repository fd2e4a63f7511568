import type { Store } from '../store.js';

/** Counts spans the in-process path refused and keeps each reason as a finding, so no loss goes unreported. */
export function recordRejected(store: Store, reasons: readonly string[]): void {
  if (reasons.length === 0) return;
  store.countRejected('spans', reasons.length);
  for (const reason of reasons) {
    store.addFinding({ level: 'error', code: 'span.rejected', message: `in-process span refused: ${reason}` });
  }
}
