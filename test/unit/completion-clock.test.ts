import { describe, expect, it } from '@jest/globals';
import { ManualClock, systemClock } from '../../harness/clock.js';

describe('ManualClock', () => {
  it('fires due timers in order of due time, then of creation, and moves now() to each', async () => {
    const clock = new ManualClock(1_000);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`late@${clock.now()}`), 30);
    clock.setTimeout(() => fired.push(`first@${clock.now()}`), 10);
    clock.setTimeout(() => fired.push(`second@${clock.now()}`), 10);
    clock.setTimeout(() => fired.push(`beyond@${clock.now()}`), 31);
    await clock.advance(30);
    expect(fired).toEqual(['first@1010', 'second@1010', 'late@1030']);
    expect(clock.now()).toBe(1_030);
    expect(clock.pendingTimers).toBe(1);
  });

  it('never fires a cleared timer', async () => {
    const clock = new ManualClock();
    let fired = false;
    const handle = clock.setTimeout(() => (fired = true), 5);
    clock.clearTimeout(handle);
    await clock.advance(10);
    expect(fired).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });

  it('fires, in the same advance, timers that promise work scheduled after an earlier timer', async () => {
    const clock = new ManualClock();
    const fired: number[] = [];
    clock.setTimeout(() => {
      void Promise.resolve().then(() => clock.setTimeout(() => fired.push(clock.now()), 20));
    }, 10);
    await clock.advance(50);
    expect(fired).toEqual([30]);
    expect(clock.now()).toBe(50);
  });
});

describe('systemClock', () => {
  it('runs a timer and cancels a cleared one', async () => {
    let cancelledFired = false;
    const cancelled = systemClock.setTimeout(() => (cancelledFired = true), 0);
    systemClock.clearTimeout(cancelled);
    const before = systemClock.now();
    await new Promise<void>((resolve) => systemClock.setTimeout(resolve, 1));
    expect(systemClock.now()).toBeGreaterThan(before);
    expect(cancelledFired).toBe(false);
  });
});
