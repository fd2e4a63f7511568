import { DependencyUnavailableError } from '../../errors.js';
import type { DependencyKind } from '../dependency.js';
import { dependencyProfiles } from './dependency-profiles.js';
import { freeLoopbackPorts } from './free-ports.js';
import { loadTestcontainers } from './load-testcontainers.js';

/** A container serving `url` on loopback; `stop()` kills and removes it. */
export interface StartedDependencyContainer {
  readonly url: string;
  readonly containerId: string;
  stop(): Promise<void>;
}

/**
 * Starts `image` with host networking on free loopback ports chosen here and passed in its environment (no port
 * mapping exists on the host network, so readiness is the image's ready line, not a mapped-port probe).
 */
export async function startDependencyContainer(
  api: string,
  kind: DependencyKind,
  image: string,
  startupTimeoutMs: number,
): Promise<StartedDependencyContainer> {
  const profile = dependencyProfiles[kind];
  const { GenericContainer, Wait } = await loadTestcontainers();
  const ports = await freeLoopbackPorts(profile.portCount);
  const container = new GenericContainer(image)
    .withNetworkMode('host')
    .withEnvironment(profile.containerEnv(ports))
    .withLabels({ 'org.tracegate.dependency': kind })
    .withWaitStrategy(Wait.forLogMessage(profile.readyLine))
    .withStartupTimeout(startupTimeoutMs);
  let started: Awaited<ReturnType<typeof container.start>>;
  try {
    // testcontainers removes a container that fails its wait, so a failed start leaves nothing behind.
    started = await container.start();
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    throw new DependencyUnavailableError(
      `${api}: the container from image "${image}" did not log ${String(profile.readyLine)} within ` +
        `${startupTimeoutMs} ms (loopback ports ${ports.join(', ')}): ${problem}`,
      kind,
      'start-failed',
      image,
      { cause: error },
    );
  }
  return {
    url: profile.url(ports),
    containerId: started.getId(),
    stop: async () => {
      // Test data is throwaway: kill at once (testcontainers' default) and remove the container with its volumes.
      await started.stop({ remove: true, removeVolumes: true });
    },
  };
}
