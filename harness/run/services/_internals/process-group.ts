import { readdirSync, readFileSync } from 'node:fs';

// Services run as leaders of their own process groups (spawned detached), so one signal reaches shell-spawned
// grandchildren too. If the harness process exits without stopping them, the groups are killed on the way out.
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function killAllOnExit(): void {
  for (const pid of liveGroups) signalGroup(pid, 'SIGKILL');
}

/** Sends `signal` to the whole group led by `pid`; false when the group is gone. */
export function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux: true when a process of group `pgid` is running, not a zombie; undefined when /proc can't tell. */
function runningMemberInProc(pgid: number): boolean | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended while we looked
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so read after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') return true;
  }
  return false;
}

/**
 * True while any process of the group led by `pid` runs. Zombies don't count: where PID 1 does not reap orphans
 * (some containers and VMs), a dead grandchild would otherwise keep the group "alive" until SIGKILL.
 */
export function groupAlive(pid: number): boolean {
  if (!signalGroup(pid, 0)) return false;
  return runningMemberInProc(pid) ?? true;
}

/** Remembers a group to kill if the harness exits first. */
export function trackGroup(pid: number): void {
  liveGroups.add(pid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', killAllOnExit);
  }
}

/** Forgets a group that has been stopped. */
export function untrackGroup(pid: number): void {
  liveGroups.delete(pid);
}
