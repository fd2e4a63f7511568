/** How one check came out; `skip` means it had nothing to judge (no edges, no failing requests, turned off). */
export type CheckStatus = 'pass' | 'fail' | 'skip' | 'inconclusive';

/** How one row of a check (a route, an edge, a service) came out. */
export type RowStatus = 'pass' | 'fail' | 'inconclusive';

// A proven failure outranks missing evidence, which outranks a pass; skip only when nothing was judged.
const PRECEDENCE: readonly CheckStatus[] = ['fail', 'inconclusive', 'pass', 'skip'];

/** The status of a check from its parts: fail if any part fails, else inconclusive if any is, else pass, else skip. */
export function combineStatuses(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst = PRECEDENCE.length - 1;
  for (const status of statuses) worst = Math.min(worst, PRECEDENCE.indexOf(status));
  return PRECEDENCE[worst]!;
}
