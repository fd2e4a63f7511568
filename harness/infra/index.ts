export type { Dependency, DependencyKind, DependencySource, StartDependencyOptions } from './dependency.js';
export { BUILD_IMAGES_SCRIPT, DEFAULT_DEPENDENCY_STARTUP_TIMEOUT_MS, DEPENDENCY_KINDS } from './dependency.js';
export { startDependency } from './start-dependency.js';
export { dockerAvailability } from './docker-availability.js';
export type { DockerAvailability } from './docker-availability.js';
export { dependencyAvailability } from './dependency-availability.js';
export type { DependencyAvailability } from './dependency-availability.js';
