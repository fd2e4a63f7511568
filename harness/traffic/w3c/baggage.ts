/** Most list-members a `baggage` header may carry (W3C Baggage). */
export const BAGGAGE_MAX_MEMBERS = 64;
/** Most bytes a `baggage` header may carry (W3C Baggage). */
export const BAGGAGE_MAX_BYTES = 8192;

// RFC 7230 token characters.
const KEY = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// baggage-octet: printable ASCII without space, DQUOTE, comma, semicolon and backslash.
const VALUE = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$/;
const BAD_PERCENT = /%(?![0-9A-Fa-f]{2})/;
const TRIM = /^[ \t]+|[ \t]+$/g;

/** What a valid `baggage` value holds: its keys in order and its size in bytes. */
export interface BaggageSummary {
  readonly keys: readonly string[];
  readonly bytes: number;
}

function keyValueProblem(part: string, what: string, valueRequired: boolean): string | undefined {
  const equals = part.indexOf('=');
  if (equals < 0) return valueRequired ? `${what} ${JSON.stringify(part)} has no "="` : keyProblem(part, what);
  const key = part.slice(0, equals).replace(TRIM, '');
  const value = part.slice(equals + 1).replace(TRIM, '');
  const problem = keyProblem(key, what);
  if (problem !== undefined) return problem;
  if (!VALUE.test(value)) {
    return `value of ${JSON.stringify(key)} has a character baggage does not allow (space, '"', ',', ';', '\\' or non-ASCII: percent-encode it)`;
  }
  if (BAD_PERCENT.test(value)) return `value of ${JSON.stringify(key)} has a "%" not followed by two hex digits`;
  return undefined;
}

function keyProblem(key: string, what: string): string | undefined {
  return KEY.test(key) ? undefined : `${what} key ${JSON.stringify(key)} is not an HTTP token`;
}

/** Reads a `baggage` value, or says why it breaks the W3C grammar or limits. */
export function readBaggage(header: string): { ok: true; value: BaggageSummary } | { ok: false; problem: string } {
  const bytes = Buffer.byteLength(header, 'utf8');
  if (bytes > BAGGAGE_MAX_BYTES)
    return { ok: false, problem: `is ${bytes} bytes, at most ${BAGGAGE_MAX_BYTES} are allowed` };
  const keys: string[] = [];
  for (const member of header.split(',')) {
    const [pair = '', ...properties] = member.split(';');
    const problem =
      keyValueProblem(pair.replace(TRIM, ''), 'member', true) ??
      properties.map((property) => keyValueProblem(property.replace(TRIM, ''), 'property', false)).find(Boolean);
    if (problem !== undefined) return { ok: false, problem };
    keys.push(pair.slice(0, pair.indexOf('=')).replace(TRIM, ''));
  }
  if (keys.length > BAGGAGE_MAX_MEMBERS) {
    return { ok: false, problem: `has ${keys.length} members, at most ${BAGGAGE_MAX_MEMBERS} are allowed` };
  }
  return { ok: true, value: { keys, bytes } };
}

/** Why a `baggage` value breaks the W3C grammar or limits, or undefined when it is valid. */
export function baggageProblem(header: string): string | undefined {
  const read = readBaggage(header);
  return read.ok ? undefined : read.problem;
}
