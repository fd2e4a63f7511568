import { InvalidArgumentError } from '../../../errors.js';
import { TRACE_ID_HEX_LENGTH, idProblem } from '../../../model/ids.js';

/** Lowercases a trace id and checks it; the error names the API and what is wrong with the id. */
export function normalizeTraceId(traceId: unknown, api: string): string {
  if (typeof traceId !== 'string')
    throw new InvalidArgumentError(`${api}: trace id must be a string, got ${typeof traceId}`);
  const lower = traceId.toLowerCase();
  const problem = idProblem(lower, TRACE_ID_HEX_LENGTH);
  if (problem !== undefined) throw new InvalidArgumentError(`${api}: trace id ${JSON.stringify(traceId)} ${problem}`);
  return lower;
}
