// Loopback ports for the services a test starts, all from the one helper that never hands out a port twice.
import { freeLoopbackPorts } from '../../harness/infra/_internals/free-ports.js';

/** `count` distinct loopback ports free right now: all are held until every one is chosen. */
export function freePorts(count: number): Promise<number[]> {
  return freeLoopbackPorts(count);
}

/** One loopback port free right now; ask freePorts() for several at once, so that none repeats. */
export async function freePort(): Promise<number> {
  const [port] = await freeLoopbackPorts(1);
  if (port === undefined) throw new Error('freePort(): no loopback port was assigned');
  return port;
}
