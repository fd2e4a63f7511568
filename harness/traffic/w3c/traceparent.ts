import { SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH, idProblem } from '../../model/ids.js';

/** The fields of a W3C `traceparent` (or Level 2 `traceresponse`) header. */
export interface Traceparent {
  /** Two lowercase hex digits; `00` is the only version defined today. */
  readonly version: string;
  readonly traceId: string;
  /** The caller's span id (`parent-id`); in a `traceresponse`, the span of the service that answered. */
  readonly spanId: string;
  /** The trace-flags byte; bit 0 is `sampled`. */
  readonly flags: number;
}

/** A parse either yields the header's fields or says, in words, what is wrong with it. */
export type TraceparentParse =
  { readonly ok: true; readonly value: Traceparent } | { readonly ok: false; readonly problem: string };

// version "-" trace-id "-" parent-id "-" trace-flags: 2 + 1 + 32 + 1 + 16 + 1 + 2.
const VERSION_00_LENGTH = 55;
const TWO_HEX = /^[0-9a-f]{2}$/;

function fail(problem: string): TraceparentParse {
  return { ok: false, problem };
}

/**
 * Parses a `traceparent` or `traceresponse` value as the W3C Trace Context specification tells a receiver to:
 * lowercase hex only, version `ff` forbidden, version `00` exactly 55 characters, later versions may append fields.
 */
export function parseTraceparent(header: string): TraceparentParse {
  if (typeof header !== 'string') return fail('is not a string');
  if (header.length < VERSION_00_LENGTH) {
    return fail(`has ${header.length} characters, expected ${VERSION_00_LENGTH} (version-traceid-spanid-flags)`);
  }
  const version = header.slice(0, 2);
  if (!TWO_HEX.test(version)) return fail(`version ${JSON.stringify(version)} is not two lowercase hex digits`);
  if (version === 'ff') return fail('version "ff" is forbidden');
  if (version === '00' && header.length !== VERSION_00_LENGTH) {
    return fail(`has ${header.length} characters, version 00 has exactly ${VERSION_00_LENGTH}`);
  }
  if (header.length > VERSION_00_LENGTH && header[VERSION_00_LENGTH] !== '-') {
    return fail(`has no "-" after the trace flags of a version ${version} header`);
  }
  if (header[2] !== '-' || header[35] !== '-' || header[52] !== '-') {
    return fail('is not four fields separated by "-" at positions 3, 36 and 53');
  }
  const traceId = header.slice(3, 35);
  const traceIdProblem = idProblem(traceId, TRACE_ID_HEX_LENGTH);
  if (traceIdProblem !== undefined) return fail(`trace id ${JSON.stringify(traceId)} ${lowercaseHint(traceIdProblem)}`);
  const spanId = header.slice(36, 52);
  const spanIdProblem = idProblem(spanId, SPAN_ID_HEX_LENGTH);
  if (spanIdProblem !== undefined) return fail(`parent id ${JSON.stringify(spanId)} ${lowercaseHint(spanIdProblem)}`);
  const flags = header.slice(53, 55);
  if (!TWO_HEX.test(flags)) return fail(`trace flags ${JSON.stringify(flags)} are not two lowercase hex digits`);
  return { ok: true, value: { version, traceId, spanId, flags: Number.parseInt(flags, 16) } };
}

function lowercaseHint(problem: string): string {
  return problem === 'is not hexadecimal' ? 'is not lowercase hexadecimal' : problem;
}

/** True when the sampled bit of the trace flags is set. */
export function isSampled(traceparent: Traceparent): boolean {
  return (traceparent.flags & 1) === 1;
}

/** A version 00 `traceparent` for valid lowercase ids; sampled unless told otherwise. */
export function formatTraceparent(traceId: string, spanId: string, sampled = true): string {
  return `00-${traceId}-${spanId}-${sampled ? '01' : '00'}`;
}
