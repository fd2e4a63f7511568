import '../dispose.js';
import { InvalidArgumentError } from '../errors.js';
import {
  DEFAULT_DEPENDENCY_STARTUP_TIMEOUT_MS,
  DEPENDENCY_KINDS,
  type Dependency,
  type DependencyKind,
  type StartDependencyOptions,
} from './dependency.js';
import { resolveDependency } from './_internals/resolve-dependency.js';
import { startDependencyContainer } from './_internals/start-container.js';

const API = 'tracegate.startDependency()';

function validated(kind: unknown, options: StartDependencyOptions): number {
  if (!DEPENDENCY_KINDS.includes(kind as DependencyKind)) {
    throw new InvalidArgumentError(
      `${API}: kind must be one of ${DEPENDENCY_KINDS.join(', ')}; got ${JSON.stringify(kind)}`,
    );
  }
  if (options.image !== undefined && (typeof options.image !== 'string' || options.image.trim() === '')) {
    throw new InvalidArgumentError(`${API}: image must be a non-empty string; got ${JSON.stringify(options.image)}`);
  }
  const timeoutMs = options.startupTimeoutMs ?? DEFAULT_DEPENDENCY_STARTUP_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new InvalidArgumentError(
      `${API}: startupTimeoutMs must be a positive number of ms; got ${String(timeoutMs)}`,
    );
  }
  return timeoutMs;
}

function dependency(
  kind: DependencyKind,
  fields: Pick<Dependency, 'url' | 'source' | 'containerId'>,
  stop: () => Promise<void>,
): Dependency {
  let stopping: Promise<void> | undefined;
  const stopOnce = (): Promise<void> => (stopping ??= stop());
  return { kind, ...fields, stop: stopOnce, [Symbol.asyncDispose]: stopOnce };
}

/**
 * Provides a PostgreSQL, Redis or RabbitMQ for a test: the URL in `DATABASE_URL` / `REDIS_URL` / `RABBITMQ_URL` when
 * set, otherwise a container of a locally built image on a free loopback port (docs/infra.md).
 */
export async function startDependency(kind: DependencyKind, options: StartDependencyOptions = {}): Promise<Dependency> {
  const startupTimeoutMs = validated(kind, options);
  const api = `tracegate.startDependency('${kind}')`;
  const plan = await resolveDependency(api, kind, { image: options.image?.trim(), env: options.env ?? process.env });
  if (plan.source === 'env') {
    return dependency(kind, { url: plan.url, source: 'env', containerId: undefined }, () => Promise.resolve());
  }
  const container = await startDependencyContainer(api, kind, plan.image, startupTimeoutMs);
  return dependency(kind, { url: container.url, source: 'container', containerId: container.containerId }, () =>
    container.stop(),
  );
}
