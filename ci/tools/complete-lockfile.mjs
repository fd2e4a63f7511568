// npm records optional platform packages in package-lock.json only when the registry serves them. Our registry
// serves the Linux builds of jest's resolver (unrs-resolver) and not the others, so `npm install` writes a lock
// that `npm ci` then rejects as out of sync. This adds the missing optional entries with their platform fields,
// which npm ci skips on every other platform. Run after changing dependencies: npm run lockfile:complete
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../../package-lock.json', import.meta.url);
const PLATFORM =
  /-(aix|android|darwin|freebsd|linux|netbsd|openbsd|openharmony|sunos|win32)-([a-z0-9]+)(?:-(gnu|musl|gnueabihf|musleabihf|eabi|msvc))?$/;
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;
let added = 0;

for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path}/node_modules/${name}`;
    if (packages[nested] !== undefined || packages[`node_modules/${name}`] !== undefined) continue;
    const platform = PLATFORM.exec(name);
    if (platform === null)
      throw new Error(`optional dependency ${name} of ${path} is missing and is not a platform build`);
    const [, os, cpu, abi] = platform;
    packages[`node_modules/${name}`] = {
      version,
      cpu: [cpu === 'arm' ? 'arm' : cpu],
      ...(entry.dev ? { dev: true } : {}),
      ...(abi === 'gnu' || abi === 'gnueabihf'
        ? { libc: ['glibc'] }
        : abi?.startsWith('musl')
          ? { libc: ['musl'] }
          : {}),
      optional: true,
      os: [os],
    };
    added++;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
