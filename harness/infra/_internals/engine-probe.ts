import { engineLocation, engineRequest, ENGINE_PROBE_TIMEOUT_MS, type EngineLocation } from './docker-engine.js';
import { loadTestcontainers } from './load-testcontainers.js';

/** What the engine probe found: an engine that answers, or why there is none. */
export type EngineProbe =
  | { readonly available: true; readonly location: EngineLocation }
  | { readonly available: false; readonly location: EngineLocation; readonly reason: string };

function connectionProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the socket does not exist';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'EACCES') return 'permission denied on the socket';
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** Asks the engine at `location` for `/_ping`; for DOCKER_HOST forms tracegate does not speak, asks testcontainers. */
export async function probeEngine(env: NodeJS.ProcessEnv = process.env): Promise<EngineProbe> {
  const location = engineLocation(env);
  const hint = 'start a Docker engine (e.g. `dockerd &`) or point DOCKER_HOST at one';
  if ('delegated' in location) {
    try {
      const { getContainerRuntimeClient } = await loadTestcontainers();
      await getContainerRuntimeClient();
      return { available: true, location };
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      return { available: false, location, reason: `no Docker engine at ${location.address}: ${problem}; ${hint}` };
    }
  }
  try {
    const answer = await engineRequest(location, 'GET', '/_ping');
    if (answer.status === 200) return { available: true, location };
    const reason = `the Docker engine at ${location.address} answered /_ping with HTTP ${answer.status}`;
    return { available: false, location, reason };
  } catch (error) {
    const problem = connectionProblem(error);
    const reason = `no Docker engine answers at ${location.address} (${problem}, probe limit ${ENGINE_PROBE_TIMEOUT_MS} ms); ${hint}`;
    return { available: false, location, reason };
  }
}

/** True when the engine holds `image` locally (tracegate never pulls: no registry is assumed reachable). */
export async function engineHasImage(location: EngineLocation, image: string): Promise<boolean> {
  if ('delegated' in location) {
    const { getContainerRuntimeClient, ImageName } = await loadTestcontainers();
    const client = await getContainerRuntimeClient();
    return client.image.exists(ImageName.fromString(image));
  }
  const answer = await engineRequest(location, 'GET', `/images/${encodeURIComponent(image)}/json`);
  if (answer.status === 200) return true;
  if (answer.status === 404) return false;
  throw new Error(`the Docker engine at ${location.address} answered an image lookup with HTTP ${answer.status}`);
}
