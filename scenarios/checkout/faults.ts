/** The faults the reference checkout system can be started with; each breaks one thing (README.md). */
export type FaultName =
  | 'queue-context'
  | 'outbox-context'
  | 'late-sdk'
  | 'error-no-status'
  | 'error-no-exception'
  | 'log-no-ids'
  | 'log-leak'
  | 'root-loss'
  | 'span-name-ids';

/** Every fault of the catalogue, in the order README.md describes them. */
export const FAULT_NAMES: readonly FaultName[] = Object.freeze([
  'queue-context',
  'outbox-context',
  'late-sdk',
  'error-no-status',
  'error-no-exception',
  'log-no-ids',
  'log-leak',
  'root-loss',
  'span-name-ids',
]);

/** The names in a `FAULTS`-style comma list, and those that are not faults. */
export function splitFaults(text: string): { readonly faults: FaultName[]; readonly unknown: string[] } {
  const faults: FaultName[] = [];
  const unknown: string[] = [];
  for (const part of text.split(',')) {
    const name = part.trim();
    if (name === '') continue;
    if ((FAULT_NAMES as readonly string[]).includes(name)) {
      if (!faults.includes(name as FaultName)) faults.push(name as FaultName);
    } else unknown.push(name);
  }
  return { faults, unknown };
}
