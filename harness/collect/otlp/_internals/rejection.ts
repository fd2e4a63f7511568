import { idProblem } from '../../../model/ids.js';

const MAX_SHOWN = 64;

function shown(text: string): string {
  return JSON.stringify(text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);
}

/** What is wrong with an id field, e.g. `traceId "abc" has 3 hex characters, expected 32`. */
export function idFieldProblem(field: string, lowercasedId: string, hexLength: number): string {
  const problem = idProblem(lowercasedId, hexLength) ?? 'is invalid';
  return `${field} ${shown(lowercasedId)} ${problem}`;
}

/** A rejection reason naming the item by its place in the request, and by name when it has one. */
export function rejectionReason(place: string, name: string | undefined, problem: string): string {
  return name === undefined ? `${place}: ${problem}` : `${place} ${shown(name)}: ${problem}`;
}
