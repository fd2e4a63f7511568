/** Most list-members a `tracestate` may carry (W3C Trace Context). */
export const TRACESTATE_MAX_MEMBERS = 32;
/**
 * Vendors must pass on at least this many characters of `tracestate` and may drop whole members beyond it, so a
 * longer header would not reach the service intact.
 */
export const TRACESTATE_MAX_LENGTH = 512;

const SIMPLE_KEY = /^[a-z][a-z0-9_\-*/]{0,255}$/;
const MULTI_TENANT_KEY = /^[a-z0-9][a-z0-9_\-*/]{0,240}@[a-z][a-z0-9_\-*/]{0,13}$/;
// Printable ASCII without "," and "=", 1 to 256 characters, not ending with a space.
const VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
const OWS = /^[ \t]*$/;

/** Why a `tracestate` value breaks the W3C grammar or limits, or undefined when it is valid. */
export function tracestateProblem(header: string): string | undefined {
  if (header.length > TRACESTATE_MAX_LENGTH) {
    return `has ${header.length} characters; services need only pass on ${TRACESTATE_MAX_LENGTH}`;
  }
  const keys = new Set<string>();
  let members = 0;
  for (const rawMember of header.split(',')) {
    // Empty members (optional white space only) are allowed and do not count.
    if (OWS.test(rawMember)) continue;
    const member = rawMember.replace(/^[ \t]+|[ \t]+$/g, '');
    const equals = member.indexOf('=');
    if (equals < 0) return `member ${JSON.stringify(member)} has no "="`;
    const key = member.slice(0, equals);
    const value = member.slice(equals + 1);
    if (!SIMPLE_KEY.test(key) && !MULTI_TENANT_KEY.test(key)) {
      return `key ${JSON.stringify(key)} is not a W3C tracestate key (lowercase letter first; a-z 0-9 _ - * /; optional tenant@system)`;
    }
    if (!VALUE.test(value)) {
      return `value of ${JSON.stringify(key)} must be 1 to 256 printable ASCII characters without "," or "=", not ending in a space`;
    }
    if (keys.has(key)) return `key ${JSON.stringify(key)} appears twice`;
    keys.add(key);
    members++;
  }
  if (members > TRACESTATE_MAX_MEMBERS) return `has ${members} members, at most ${TRACESTATE_MAX_MEMBERS} are allowed`;
  return undefined;
}
