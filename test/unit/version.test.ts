import { readFileSync } from 'node:fs';
import { TRACEGATE_VERSION, tracegateVersion } from '../../harness/version.js';

describe('tracegateVersion', () => {
  it('is the version in package.json, so a release cannot report an older one', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(TRACEGATE_VERSION).toBe(manifest.version);
    expect(tracegateVersion()).toBe(manifest.version);
  });
});
