import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** tracegate's version from its package.json, found by walking up from this file (source or dist). */
export function tracegateVersion(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (manifest.name === 'tracegate' && typeof manifest.version === 'string') return (cached = manifest.version);
    } catch {
      // No readable package.json here: look one level up.
    }
    dir = dirname(dir);
  }
  return (cached = 'unknown');
}
