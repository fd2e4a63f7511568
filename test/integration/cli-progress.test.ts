import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { startProgress } from '../../ci/commands/receive-progress.js';
import type { CliIo } from '../../ci/io.js';

function fakeIo(isTTY: boolean): { io: CliIo; written: string[] } {
  const written: string[] = [];
  const sink = { write: (text: string) => written.push(text) };
  return { io: { stdout: sink, stderr: sink, isTTY, env: {} }, written };
}

describe('the running count of tracegate receive', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('rewrites one line in place on a terminal and ends it when stopped', () => {
    const { io, written } = fakeIo(true);
    let spans = 0;
    const stop = startProgress(io, () => `spans=${spans}`, 100);
    spans = 12;
    jest.advanceTimersByTime(100);
    jest.advanceTimersByTime(100);
    stop();
    jest.advanceTimersByTime(500);
    expect(written).toEqual(['\r\x1b[2Kspans=0', '\r\x1b[2Kspans=12', '\r\x1b[2Kspans=12', '\n']);
  });

  it('writes plain lines to a log, only when the count changed', () => {
    const { io, written } = fakeIo(false);
    let spans = 0;
    const stop = startProgress(io, () => `spans=${spans}`, 5000);
    expect(written).toEqual(['spans=0\n']);
    jest.advanceTimersByTime(5000);
    spans = 3;
    jest.advanceTimersByTime(5000);
    stop();
    jest.advanceTimersByTime(50_000);
    expect(written).toEqual(['spans=0\n', 'spans=3\n']);
  });
});
