import { DependencyUnavailableError } from '../errors.js';
import type { DependencyKind, DependencySource } from './dependency.js';
import { resolveDependency } from './_internals/resolve-dependency.js';

/** Whether startDependency() could provide `kind` now, and from where; when not, the reason it would throw. */
export type DependencyAvailability =
  | { available: true; source: DependencySource }
  | { available: false; reason: string; error: DependencyUnavailableError };

/**
 * Answers what startDependency() would do without starting anything: a URL in the environment, or an engine that
 * answers and holds the image. Tests use it to skip, with the reason, where neither exists.
 */
export async function dependencyAvailability(
  kind: DependencyKind,
  options: { readonly image?: string; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<DependencyAvailability> {
  const api = `tracegate.dependencyAvailability('${kind}')`;
  try {
    const plan = await resolveDependency(api, kind, { image: options.image, env: options.env ?? process.env });
    return { available: true, source: plan.source };
  } catch (error) {
    if (error instanceof DependencyUnavailableError) return { available: false, reason: error.message, error };
    throw error;
  }
}
