/**
 * tracegate's version, the same as package.json's (test/unit/version.test.ts keeps the two equal). A constant, not
 * a lookup relative to this file, so the ES module and the CommonJS builds read it the same way.
 */
export const TRACEGATE_VERSION = '0.1.0';

/** tracegate's version, as reports and `tracegate --version` show it. */
export function tracegateVersion(): string {
  return TRACEGATE_VERSION;
}
