/** The services tracegate's tests and scenarios depend on. */
export type DependencyKind = 'postgres' | 'redis' | 'rabbitmq';

/** Every kind, in a stable order (for validation messages and loops). */
export const DEPENDENCY_KINDS: readonly DependencyKind[] = ['postgres', 'redis', 'rabbitmq'];

/** Where a dependency came from: a URL in the environment, or a container tracegate started for it. */
export type DependencySource = 'env' | 'container';

/**
 * A dependency ready to use at `url` (always loopback when tracegate started it). `stop()` and `await using` remove
 * the container tracegate started; for a URL from the environment they do nothing. Stopping twice is harmless.
 */
export interface Dependency {
  readonly kind: DependencyKind;
  readonly url: string;
  readonly source: DependencySource;
  /** Id of the container behind `url`; undefined when the URL came from the environment. */
  readonly containerId: string | undefined;
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** How startDependency() finds or starts a dependency. */
export interface StartDependencyOptions {
  /** Image for the container; default from `TRACEGATE_<KIND>_IMAGE`, else the locally built `tracegate/<kind>` image. */
  readonly image?: string;
  /** Where URLs and image names are read (default `process.env`); the Docker engine is always found via `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** How long a container may take to say it is ready (default 60 000 ms). */
  readonly startupTimeoutMs?: number;
}

/** Default for `startupTimeoutMs`: RabbitMQ (Erlang) on a busy two-core machine takes the longest. */
export const DEFAULT_DEPENDENCY_STARTUP_TIMEOUT_MS = 60_000;

/** The script that builds the default images on the machine that runs the engine (no registry is used). */
export const BUILD_IMAGES_SCRIPT = 'ci/images/build-images.sh';
