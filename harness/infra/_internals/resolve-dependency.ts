import { DependencyUnavailableError, InvalidArgumentError } from '../../errors.js';
import { BUILD_IMAGES_SCRIPT, type DependencyKind } from '../dependency.js';
import { dependencyProfiles } from './dependency-profiles.js';
import type { EngineLocation } from './docker-engine.js';
import { engineHasImage, probeEngine } from './engine-probe.js';

/** Where a dependency will come from, decided before anything starts. */
export type DependencyPlan =
  | { readonly source: 'env'; readonly url: string }
  | { readonly source: 'container'; readonly image: string; readonly location: EngineLocation };

/**
 * The URL from the environment when it is set; otherwise the image to start, once the engine answers and holds it.
 * Throws DependencyUnavailableError saying why neither is possible, and how to fix it.
 */
export async function resolveDependency(
  api: string,
  kind: DependencyKind,
  options: { readonly image?: string | undefined; readonly env: NodeJS.ProcessEnv },
): Promise<DependencyPlan> {
  const profile = dependencyProfiles[kind];
  const url = options.env[profile.urlVariable]?.trim();
  if (url) {
    if (!URL.canParse(url))
      throw new InvalidArgumentError(`${api}: ${profile.urlVariable} is not a URL: ${JSON.stringify(url)}`);
    return { source: 'env', url };
  }
  const image = options.image ?? (options.env[profile.imageVariable]?.trim() || profile.defaultImage);
  const probe = await probeEngine();
  if (!probe.available) {
    throw new DependencyUnavailableError(
      `${api}: ${profile.urlVariable} is not set and ${probe.reason}. Set ${profile.urlVariable} to a running ` +
        `${profile.product}, or start an engine and build the images with ${BUILD_IMAGES_SCRIPT}`,
      kind,
      'no-engine',
      image,
    );
  }
  let present: boolean;
  try {
    present = await engineHasImage(probe.location, image);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    throw new DependencyUnavailableError(
      `${api}: cannot look up image "${image}": ${problem}`,
      kind,
      'no-engine',
      image,
      {
        cause: error,
      },
    );
  }
  if (!present) {
    throw new DependencyUnavailableError(
      `${api}: image "${image}" is not on the Docker engine at ${probe.location.address}, and tracegate never pulls. ` +
        `Build it with ${BUILD_IMAGES_SCRIPT} (it honours ${profile.imageVariable}), set ${profile.imageVariable} ` +
        `to an image that exists, or set ${profile.urlVariable} to a running ${profile.product}`,
      kind,
      'image-missing',
      image,
    );
  }
  return { source: 'container', image, location: probe.location };
}
