import { InvalidArgumentError } from '../errors.js';

/**
 * Fragments of attribute keys that name credentials: every written report hides their values and the hygiene check
 * flags them. A key matches when, lowercased and stripped of everything but letters and digits, it contains a
 * fragment stripped the same way (`x-api-key`, `API_KEY`, `apiKey` and `http.request.header.set-cookie` all match).
 */
export const DEFAULT_SENSITIVE_KEYS: readonly string[] = Object.freeze([
  'authorization',
  'cookie',
  'set-cookie',
  'token',
  'password',
  'passwd',
  'secret',
  'api-key',
  'private-key',
  'credential',
]);

function squash(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A test for sensitive keys: the defaults plus `extra`, matched as described at DEFAULT_SENSITIVE_KEYS. */
export function sensitiveKeyTest(
  extra: readonly string[] = [],
  api = 'tracegate.redactReport()',
): (key: string) => boolean {
  const fragments = [...DEFAULT_SENSITIVE_KEYS, ...extra].map((fragment, index) => {
    const squashed = typeof fragment === 'string' ? squash(fragment) : '';
    if (squashed === '') {
      throw new InvalidArgumentError(
        `${api}: keys[${index - DEFAULT_SENSITIVE_KEYS.length}] must contain a letter or digit, got ${JSON.stringify(fragment)}`,
      );
    }
    return squashed;
  });
  return (key) => {
    const squashed = squash(key);
    return fragments.some((fragment) => squashed.includes(fragment));
  };
}
