import type { Clock } from '../../clock.js';
import type { Store } from '../../collect/store.js';
import { driveTraffic } from '../../traffic/drive-traffic.js';
import type { TrafficResult } from '../../traffic/request-record.js';
import { startProgressDisplay } from '../../traffic/progress/progress-display.js';
import type { ProgressStream } from '../../traffic/progress/progress-display.js';
import type { Scenario } from '../scenario.js';
import { trackQuietTraces } from './quiet-traces.js';

export interface DriveRun {
  readonly seed: number;
  readonly runId: string;
  readonly store: Store;
  readonly clock: Clock;
  readonly progress: ProgressStream | false;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly signal: AbortSignal | undefined;
  /** A trace counts as complete on the display once it had no span for this long. */
  readonly quietMs: number;
}

/** Drives the scenario's traffic, showing requests, spans received and traces complete on the progress stream. */
export async function driveWithProgress(scenario: Scenario, run: DriveRun): Promise<TrafficResult> {
  const { traffic } = scenario;
  const quietTraces = trackQuietTraces(run.store, run.clock, run.quietMs);
  const display =
    run.progress === false
      ? undefined
      : startProgressDisplay({
          stream: run.progress,
          env: run.env,
          clock: run.clock,
          ...(traffic.count === undefined && traffic.durationMs === undefined ? { total: 100 } : {}),
          ...(traffic.count === undefined ? {} : { total: traffic.count }),
          ...(traffic.durationMs === undefined ? {} : { plannedMs: traffic.durationMs }),
          counters: () => [
            { label: 'spans', value: run.store.counters().spansReceived },
            { label: 'traces complete', value: quietTraces.complete() },
          ],
        });
  try {
    return await driveTraffic(
      {
        target: scenario.target,
        requests: traffic.requests,
        ...(traffic.count === undefined ? {} : { count: traffic.count }),
        ...(traffic.durationMs === undefined ? {} : { durationMs: traffic.durationMs }),
        ...(traffic.concurrency === undefined ? {} : { concurrency: traffic.concurrency }),
        ...(traffic.ratePerSecond === undefined ? {} : { ratePerSecond: traffic.ratePerSecond }),
      },
      {
        seed: run.seed,
        runId: run.runId,
        propagate: traffic.propagate ?? true,
        clock: run.clock,
        ...(run.signal === undefined ? {} : { signal: run.signal }),
        ...(display === undefined ? {} : { onProgress: display.update }),
      },
    );
  } finally {
    display?.stop();
    quietTraces.stop();
  }
}
