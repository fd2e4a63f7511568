import '../../dispose.js';
import type { ServiceSpec } from './service-spec.js';
import type { StartServiceOptions } from './start-service-options.js';
import { startService } from './start-service.js';
import type { RunningService } from './start-service.js';
import { validateServiceSpecs } from './validate-service-specs.js';

/** Services started together; `stop()` stops them all (in parallel) and is safe to call twice. */
export interface RunningServices extends AsyncDisposable {
  readonly services: readonly RunningService[];
  /** The service named `name`, or undefined. */
  get(name: string): RunningService | undefined;
  stop(): Promise<void>;
}

const API = 'tracegate.startServices()';

async function stopAll(services: readonly RunningService[]): Promise<void> {
  await Promise.allSettled(services.map((service) => service.stop()));
}

/**
 * Validates `specs`, then starts the services one after another, each ready before the next starts. If one fails,
 * those already started are stopped and its ServiceStartError is thrown.
 */
export async function startServices(
  specs: readonly ServiceSpec[],
  options: StartServiceOptions,
): Promise<RunningServices> {
  const valid = validateServiceSpecs(specs, API);
  const started: RunningService[] = [];
  try {
    for (const spec of valid) started.push(await startService(spec, options));
  } catch (error) {
    await stopAll(started);
    throw error;
  }
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= stopAll(started));
  return {
    services: started,
    get: (name) => started.find((service) => service.name === name),
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
