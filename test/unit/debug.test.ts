import { describe, expect, it } from '@jest/globals';
import { createDebug, debugEnabled } from '../../harness/debug.js';

describe('debugEnabled', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['tracegate:receiver', true],
    ['tracegate:*', true],
    ['*', true],
    ['other, tracegate:receiver', true],
    ['tracegate:*,-tracegate:receiver', false],
    ['tracegate:receive', false],
    ['tracegate:receiver2', false],
  ])('DEBUG=%j → %s for tracegate:receiver', (setting, enabled) => {
    expect(debugEnabled('tracegate:receiver', setting)).toBe(enabled);
  });
});

describe('createDebug', () => {
  it('writes namespaced lines when enabled', () => {
    const lines: string[] = [];
    const debug = createDebug('tracegate:receiver', 'tracegate:*', (line) => lines.push(line));
    debug(() => 'listening on http://127.0.0.1:1');
    expect(debug.enabled).toBe(true);
    expect(lines).toEqual(['tracegate:receiver listening on http://127.0.0.1:1\n']);
  });

  it('never builds the message when silent', () => {
    const lines: string[] = [];
    const debug = createDebug('tracegate:receiver', undefined, (line) => lines.push(line));
    let built = false;
    debug(() => {
      built = true;
      return 'expensive';
    });
    expect({ enabled: debug.enabled, built, lines }).toEqual({ enabled: false, built: false, lines: [] });
  });
});
