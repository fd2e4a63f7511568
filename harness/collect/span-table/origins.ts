import type { Resource, Scope } from '../../model/span.js';

// Pairs remembered in front of the maps: a batch interleaves the spans of a few services, one pair each.
const RECENT = 8;

/**
 * The (resource, scope) pairs spans came from, by index: a row keeps one 32-bit index instead of two pointers.
 * Pairs are told apart by identity, as decoders share one object per distinct resource and scope.
 */
export class Origins {
  readonly resources: Resource[] = [];
  readonly scopes: Scope[] = [];
  readonly #byResource = new Map<Resource, Map<Scope, number>>();
  readonly #recentResources: (Resource | undefined)[] = new Array<Resource | undefined>(RECENT).fill(undefined);
  readonly #recentScopes: (Scope | undefined)[] = new Array<Scope | undefined>(RECENT).fill(undefined);
  readonly #recentIndexes: number[] = new Array<number>(RECENT).fill(0);
  #nextRecent = 0;

  /** The index of this pair, added if new. */
  indexOf(resource: Resource, scope: Scope): number {
    const recentResources = this.#recentResources;
    for (let i = 0; i < RECENT; i++) {
      if (recentResources[i] === resource && this.#recentScopes[i] === scope) return this.#recentIndexes[i]!;
    }
    let byScope = this.#byResource.get(resource);
    if (byScope === undefined) {
      byScope = new Map();
      this.#byResource.set(resource, byScope);
    }
    let index = byScope.get(scope);
    if (index === undefined) {
      index = this.resources.push(resource) - 1;
      this.scopes.push(scope);
      byScope.set(scope, index);
    }
    const slot = this.#nextRecent;
    this.#nextRecent = (slot + 1) % RECENT;
    recentResources[slot] = resource;
    this.#recentScopes[slot] = scope;
    this.#recentIndexes[slot] = index;
    return index;
  }
}
