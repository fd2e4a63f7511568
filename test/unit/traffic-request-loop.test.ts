import { describe, expect, it } from '@jest/globals';
import { ManualClock } from '../../harness/clock.js';
import { runRequestLoop } from '../../harness/traffic/_internals/request-loop.js';
import type { LoopLimits } from '../../harness/traffic/_internals/request-loop.js';

interface Trace {
  readonly starts: { seq: number; atMs: number }[];
  maxInFlight: number;
}

/** Runs a loop whose requests each take `requestMs` on a manual clock, recording when each started. */
function tracedLoop(limits: Partial<LoopLimits>, requestMs: number, clock = new ManualClock()) {
  const trace: Trace = { starts: [], maxInFlight: 0 };
  let inFlight = 0;
  const loop = runRequestLoop(
    { count: Infinity, durationMs: undefined, concurrency: 1, ratePerSecond: undefined, ...limits },
    (seq, nowMs, done) => {
      expect(nowMs).toBe(clock.now());
      trace.starts.push({ seq, atMs: clock.now() });
      trace.maxInFlight = Math.max(trace.maxInFlight, ++inFlight);
      clock.setTimeout(() => {
        inFlight--;
        done();
      }, requestMs);
    },
    clock,
  );
  return { loop, trace, clock };
}

describe('the request loop', () => {
  it('keeps `concurrency` requests in flight until the count is sent', async () => {
    const { loop, trace, clock } = tracedLoop({ count: 10, concurrency: 3 }, 50);
    await clock.advance(1_000);
    const outcome = await loop.outcome;
    expect(trace.starts.map((start) => start.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(trace.starts.map((start) => start.atMs)).toEqual([0, 0, 0, 50, 50, 50, 100, 100, 100, 150]);
    expect(trace.maxInFlight).toBe(3);
    expect(outcome).toEqual({ startMs: 0, endMs: 200, started: 10 });
  });

  it('starts request n at (n-1)/rate seconds when the target keeps up', async () => {
    const { loop, trace, clock } = tracedLoop({ count: 6, concurrency: 4, ratePerSecond: 20 }, 10);
    await clock.advance(1_000);
    await loop.outcome;
    expect(trace.starts.map((start) => start.atMs)).toEqual([0, 50, 100, 150, 200, 250]);
  });

  it('catches up on a slow target without more than `concurrency` requests at once', async () => {
    // 100 requests/s wanted, each takes 250 ms: two connections cannot keep the schedule.
    const { loop, trace, clock } = tracedLoop({ count: 8, concurrency: 2, ratePerSecond: 100 }, 250);
    await clock.advance(2_000);
    await loop.outcome;
    expect(trace.maxInFlight).toBe(2);
    expect(trace.starts.map((start) => start.atMs)).toEqual([0, 10, 250, 260, 500, 510, 750, 760]);
  });

  it('stops starting requests at the duration and waits for those in flight', async () => {
    const { loop, trace, clock } = tracedLoop({ durationMs: 1_000, concurrency: 5, ratePerSecond: 10 }, 300);
    await clock.advance(5_000);
    const outcome = await loop.outcome;
    expect(trace.starts.map((start) => start.atMs)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(outcome).toEqual({ startMs: 0, endMs: 1_200, started: 10 });
  });

  it('without a rate, runs back to back until the duration', async () => {
    const { loop, trace, clock } = tracedLoop({ durationMs: 100, concurrency: 1 }, 30);
    await clock.advance(1_000);
    await loop.outcome;
    expect(trace.starts.map((start) => start.atMs)).toEqual([0, 30, 60, 90]);
  });

  it('on stop(), never starts the requests waiting for their turn and ends when those in flight end', async () => {
    const { loop, trace, clock } = tracedLoop({ count: 100, concurrency: 3, ratePerSecond: 10 }, 150);
    await clock.advance(250);
    loop.stop();
    await clock.advance(1_000);
    const outcome = await loop.outcome;
    expect(trace.starts.map((start) => start.seq)).toEqual([1, 2, 3]);
    expect(outcome.started).toBe(3);
    expect(clock.pendingTimers).toBe(0);
  });

  it('survives requests that end synchronously, without growing the stack per request', async () => {
    let started = 0;
    const loop = runRequestLoop(
      { count: 200_000, durationMs: undefined, concurrency: 4, ratePerSecond: undefined },
      (_seq, _nowMs, done) => {
        started++;
        done();
      },
      new ManualClock(),
    );
    await expect(loop.outcome).resolves.toMatchObject({ started: 200_000 });
    expect(started).toBe(200_000);
  });
});
