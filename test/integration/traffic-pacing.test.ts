import '../../harness/dispose.js';
import { describe, expect, it } from '@jest/globals';
import { driveTraffic } from '../../harness/traffic/drive-traffic.js';
import { startTarget } from './traffic-target.js';

describe('pacing against a real service', () => {
  it('never has more requests in flight at the service than the concurrency', async () => {
    await using target = await startTarget((_request, response) => setTimeout(() => response.end('ok'), 15));
    const result = await driveTraffic({ target: target.url, requests: [{ path: '/' }], count: 30, concurrency: 3 });
    expect(result.completed).toBe(30);
    expect(target.maxInFlight).toBe(3);
  });

  it('spreads requests evenly at the rate: no start comes before its place in the schedule', async () => {
    await using target = await startTarget();
    const ratePerSecond = 40;
    const result = await driveTraffic(
      { target: target.url, requests: [{ path: '/' }], count: 10, concurrency: 4, ratePerSecond },
      { seed: 1 },
    );
    const starts = result.records.map((record) => record.timings.startUnixMs);
    const intervalMs = 1000 / ratePerSecond;
    for (let i = 1; i < starts.length; i++) {
      // Timers may fire a hair early against the clock they were set on; 2 ms covers that, never a burst.
      expect(starts[i]! - starts[0]!).toBeGreaterThanOrEqual(i * intervalMs - 2);
    }
  });

  it('runs for a duration instead of a count', async () => {
    await using target = await startTarget((_request, response) => setTimeout(() => response.end('ok'), 5));
    const result = await driveTraffic({
      target: target.url,
      requests: [{ path: '/' }],
      durationMs: 200,
      concurrency: 2,
    });
    expect(result.sent).toBeGreaterThan(0);
    expect(result.records).toHaveLength(result.sent);
    expect(result.completed).toBe(result.sent);
    expect(result.durationMs).toBeGreaterThanOrEqual(200);
  });
});
