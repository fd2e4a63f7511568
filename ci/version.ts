import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** tracegate's version from its package.json, found by walking up from this file (source or dist). */
export function tracegateVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (manifest.name === 'tracegate' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No readable package.json here: look one level up.
    }
    dir = dirname(dir);
  }
  return 'unknown';
}
