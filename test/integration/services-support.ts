import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Store } from '../../harness/collect/store.js';
import type { ServiceSpec } from '../../harness/run/services/service-spec.js';
import { startServices } from '../../harness/run/services/start-services.js';
import type { RunningServices } from '../../harness/run/services/start-services.js';

export const APP = fileURLToPath(new URL('../fixtures/services-app.mjs', import.meta.url));
export const GRANDCHILD = fileURLToPath(new URL('../fixtures/services-grandchild.mjs', import.meta.url));
export const NODE = process.execPath;
/** Never a real collector: nothing in these tests exports telemetry. */
export const OTLP = 'http://127.0.0.1:4318';

/** Every handle a test started, stopped in afterEach even when the test failed. */
export const started: RunningServices[] = [];

export async function stopStarted(): Promise<void> {
  await Promise.allSettled(started.splice(0).map((services) => services.stop()));
}

/** Starts services into a fresh store and remembers them for afterEach. */
export async function start(
  specs: ServiceSpec[],
  store = new Store(),
): Promise<{ services: RunningServices; store: Store }> {
  const services = await startServices(specs, { store, otlpEndpoint: OTLP, inheritEnv: { PATH: process.env['PATH'] } });
  started.push(services);
  return { services, store };
}

export { freePort } from '../support/free-ports.js';

/** True while `pid` runs (a zombie counts as gone). */
export function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return process.platform !== 'linux'; // no /proc to tell a zombie from a live process
  }
}

/** Polls `condition` every 20 ms for up to `ms`. */
export async function eventually(condition: () => boolean, ms = 3000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}
