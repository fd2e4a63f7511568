import { probeEngine } from './_internals/engine-probe.js';

/** Whether a Docker engine answers; when not, `reason` names the address tried and what went wrong. */
export type DockerAvailability = { available: true; engine: string } | { available: false; reason: string };

/** Asks the Docker engine testcontainers would use (DOCKER_HOST, else the local socket) whether it is running. */
export async function dockerAvailability(): Promise<DockerAvailability> {
  const probe = await probeEngine(process.env);
  return probe.available
    ? { available: true, engine: probe.location.address }
    : { available: false, reason: probe.reason };
}
