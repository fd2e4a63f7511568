import { createHash, timingSafeEqual } from 'node:crypto';

const BEARER = /^bearer[ \t]+(\S+)[ \t]*$/i;

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Checks `Authorization: Bearer <token>` headers against one expected token, in constant time. */
export class BearerTokenCheck {
  readonly #expected: Buffer;

  constructor(token: string) {
    this.#expected = digest(token);
  }

  /** True when the header carries the expected token (the scheme name is case-insensitive, per RFC 9110). */
  accepts(authorization: string | undefined): boolean {
    const match = authorization === undefined ? null : BEARER.exec(authorization);
    // Comparing digests keeps the comparison's time independent of where a wrong token differs.
    return match !== null && timingSafeEqual(digest(match[1]!), this.#expected);
  }
}
