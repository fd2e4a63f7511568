import { describe, expect, it } from '@jest/globals';
import { ManualClock } from '../../harness/clock.js';
import { progressMode, startProgressDisplay } from '../../harness/traffic/progress/progress-display.js';
import type { ProgressStream } from '../../harness/traffic/progress/progress-display.js';
import { ProgressMeter } from '../../harness/traffic/progress/progress-meter.js';
import type { ProgressView } from '../../harness/traffic/progress/progress-meter.js';
import { renderProgressBar, renderProgressLine } from '../../harness/traffic/progress/render-progress.js';

const view: ProgressView = {
  done: 532,
  failed: 3,
  total: 1_000,
  elapsedMs: 12_400,
  plannedMs: undefined,
  ratePerSecond: 212.4,
  counters: [
    { label: 'spans', value: 1_204 },
    { label: 'traces complete', value: 498 },
  ],
};

function fakeStream(isTTY: boolean, columns = 100): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns, written, write: (text: string) => written.push(text) };
}

describe('progress rendering', () => {
  it('draws a bar with the counts and the extra counters for a terminal', () => {
    expect(renderProgressBar(view, 120)).toBe(
      '[████████████████░░░░░░░░░░░░░░] 532/1,000 requests · 212/s · 3 failed · spans 1,204 · traces complete 498 · 12s',
    );
  });

  it('never writes a line as wide as the terminal, so it cannot wrap', () => {
    const line = renderProgressBar(view, 60);
    expect(line).toHaveLength(59);
    expect(line.startsWith('[█████░░░░░] 532/1,000 requests')).toBe(true);
  });

  it('fills the bar by elapsed time when the run is bounded by a duration', () => {
    const timed = {
      ...view,
      total: undefined,
      done: 40,
      failed: 0,
      elapsedMs: 15_000,
      plannedMs: 60_000,
      counters: [],
    };
    expect(renderProgressBar(timed, 100)).toBe('[████████░░░░░░░░░░░░░░░░░░░░░░] 40 requests · 212/s · 15s/1m00s');
  });

  it('writes a plain line for logs', () => {
    expect(renderProgressLine(view)).toBe(
      'tracegate: 532/1,000 requests, 212/s, 3 failed, spans 1,204, traces complete 498, 12s',
    );
  });
});

describe('progress mode', () => {
  it.each<[string, 'bar' | 'lines', boolean, Record<string, string>]>([
    ['a terminal', 'bar', true, {}],
    ['a pipe or file', 'lines', false, {}],
    ['NO_COLOR on a terminal', 'lines', true, { NO_COLOR: '1' }],
    ['an empty NO_COLOR', 'bar', true, { NO_COLOR: '' }],
    ['CI on a terminal', 'lines', true, { CI: 'true' }],
    ['CI=false', 'bar', true, { CI: 'false' }],
    ['a dumb terminal', 'lines', true, { TERM: 'dumb' }],
  ])('%s gives %s', (_case, mode, isTTY, env) => {
    expect(progressMode(fakeStream(isTTY), env)).toBe(mode);
  });
});

describe('the progress display', () => {
  it('redraws the bar in place on a terminal and ends the line when stopped', async () => {
    const clock = new ManualClock();
    const stream = fakeStream(true, 80);
    const display = startProgressDisplay({
      stream,
      env: {},
      clock,
      total: 10,
      counters: () => [{ label: 'spans', value: 7 }],
    });
    expect(display.mode).toBe('bar');
    await clock.advance(1_000);
    display.update({ sent: 6, completed: 4, failed: 1 });
    await clock.advance(100);
    display.stop();
    await clock.advance(1_000);
    expect(stream.written.at(-2)).toBe(
      '\r\x1b[2K[███████████████░░░░░░░░░░░░░░░] 5/10 requests · 5/s · 1 failed · spans 7 · 1s',
    );
    expect(stream.written.at(-1)).toBe(
      '\r\x1b[2K[███████████████░░░░░░░░░░░░░░░] 5/10 requests · 5/s · 1 failed · spans 7 · 1s\n',
    );
    expect(stream.written).toHaveLength(12);
    expect(clock.pendingTimers).toBe(0);
  });

  it('writes plain lines every few seconds under CI, with the recent rate, and one with the average when stopped', async () => {
    const clock = new ManualClock();
    const stream = fakeStream(true);
    const display = startProgressDisplay({ stream, env: { CI: 'true' }, clock, lineIntervalMs: 5_000 });
    display.update({ sent: 2, completed: 1, failed: 0 });
    await clock.advance(4_000);
    display.update({ sent: 20, completed: 20, failed: 0 });
    await clock.advance(1_000);
    await clock.advance(10_000);
    display.stop();
    // At 5 s the last five seconds saw 19 requests end; at 10 s and 15 s, none.
    expect(stream.written).toEqual([
      'tracegate: 20 requests, 4/s, 5s\n',
      'tracegate: 20 requests, 0/s, 10s\n',
      'tracegate: 20 requests, 0/s, 15s\n',
      'tracegate: 20 requests, 1/s, 15s\n',
    ]);
  });
});

describe('the progress meter', () => {
  it('shows the rate of the last five seconds while running, and of the whole run at the end', () => {
    const meter = new ProgressMeter(0, { total: 100 });
    meter.observe(10, 0, 1_000);
    meter.observe(60, 0, 6_000);
    meter.observe(70, 1, 11_000);
    expect(meter.view(11_000, []).ratePerSecond).toBe(2);
    expect(meter.view(11_000, [], true).ratePerSecond).toBeCloseTo(70 / 11);
    expect(meter.view(11_000, [])).toMatchObject({ done: 70, failed: 1, total: 100, elapsedMs: 11_000 });
  });
});
