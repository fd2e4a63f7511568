import fc from 'fast-check';
import { SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH } from '../model/ids.js';
import type { SpanKind } from '../model/span.js';
import { SPAN_KINDS } from '../model/span.js';

function hexId(length: number): fc.Arbitrary<string> {
  const digit = fc.constantFrom(...'0123456789abcdef');
  return fc.string({ unit: digit, minLength: length, maxLength: length }).filter((id) => !/^0+$/.test(id));
}

/** A valid W3C trace id: 32 lowercase hex characters, not all zeros. */
export function traceIdArbitrary(): fc.Arbitrary<string> {
  return hexId(TRACE_ID_HEX_LENGTH);
}

/** A valid W3C span id: 16 lowercase hex characters, not all zeros. */
export function spanIdArbitrary(): fc.Arbitrary<string> {
  return hexId(SPAN_ID_HEX_LENGTH);
}

/** Any span kind, `unspecified` included. */
export function spanKindArbitrary(): fc.Arbitrary<SpanKind> {
  return fc.constantFrom(...SPAN_KINDS);
}
