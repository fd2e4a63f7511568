import { normalizeHexId } from '../../otlp/_internals/hex-text.js';

/** Why an id field of a log line was not used as an id (the line keeps it as an attribute). */
export type IdProblemReason = 'not-a-string' | 'wrong-length' | 'not-hex' | 'all-zeros';

/** The lowercased id, or why it is unusable. */
export function checkId(value: unknown, hexLength: number): { id: string } | { reason: IdProblemReason } {
  if (typeof value !== 'string') return { reason: 'not-a-string' };
  const id = normalizeHexId(value, hexLength);
  if (id !== undefined) return { id };
  if (value.length !== hexLength) return { reason: 'wrong-length' };
  return /^[0-9a-f]+$/i.test(value) ? { reason: 'all-zeros' } : { reason: 'not-hex' };
}
