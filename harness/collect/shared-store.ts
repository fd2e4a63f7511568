import { Store } from './store.js';

// Symbol.for gives every copy of this module, in any registry, the same key.
const SHARED_STORE_KEY: unique symbol = Symbol.for('tracegate.store');

type StoreHolder = { [SHARED_STORE_KEY]?: Store };

/**
 * The one store of this process. jest loads harness modules once per registry, so a module-level singleton would
 * split in two; the instance lives on `globalThis` instead and is never checked with `instanceof` (each registry
 * has its own `Store` class).
 */
export function sharedStore(): Store {
  const holder = globalThis as StoreHolder;
  return (holder[SHARED_STORE_KEY] ??= new Store());
}
