import type { Clock } from '../../clock.js';
import { groupAlive, signalGroup, untrackGroup } from './_internals/process-group.js';

/** How a service's process ended; `killed` when SIGTERM was not enough and SIGKILL ended it. */
export interface ServiceExit {
  readonly code: number | null;
  readonly signal: string | null;
  readonly killed: boolean;
}

export interface StopGroupOptions {
  readonly clock: Clock;
  readonly graceMs: number;
  /** Settles with the leader's exit once it exited and its output streams closed. */
  readonly closed: Promise<{ code: number | null; signal: string | null }>;
  /** Called when output streams are still open after SIGKILL (held by a process outside the group). */
  readonly abandonStreams: () => void;
}

const POLL_MS = 25;
// After SIGKILL the kernel ends the group at once; this only bounds a wait on pipes held outside the group.
const AFTER_KILL_MS = 2_000;

function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, ms));
}

/**
 * Stops the process group led by `pid`: SIGTERM (so SDKs flush), then SIGKILL once `graceMs` has passed with the
 * leader or any group member still running. Resolves with the leader's exit.
 */
export async function stopProcessGroup(pid: number, options: StopGroupOptions): Promise<ServiceExit> {
  const { clock } = options;
  let closed: { code: number | null; signal: string | null } | undefined;
  void options.closed.then((exit) => (closed = exit));
  const done = () => closed !== undefined && !groupAlive(pid);
  try {
    await Promise.resolve();
    if (done()) return { ...closed!, killed: false };
    signalGroup(pid, 'SIGTERM');
    const deadline = clock.now() + options.graceMs;
    while (!done() && clock.now() < deadline)
      await sleep(clock, Math.min(POLL_MS, Math.max(0, deadline - clock.now())));
    if (done()) return { ...closed!, killed: false };
    signalGroup(pid, 'SIGKILL');
    const killDeadline = clock.now() + AFTER_KILL_MS;
    while (closed === undefined && clock.now() < killDeadline) await sleep(clock, POLL_MS);
    if (closed === undefined) {
      options.abandonStreams();
      closed = await options.closed;
    }
    return { ...closed, killed: true };
  } finally {
    untrackGroup(pid);
  }
}
