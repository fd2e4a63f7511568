import { InvalidArgumentError } from '../../errors.js';
import type { Store } from '../store.js';
import { sharedStore } from '../shared-store.js';

/**
 * The store a processor or exporter writes into: the one given, or the shared one. Checked by shape, never with
 * `instanceof`, because a store made by another module registry has another `Store` class.
 */
export function resolveStore(api: string, options: { readonly store?: Store } | undefined): Store {
  if (options === undefined) return sharedStore();
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(`${api}: options must be an object, got ${String(options)}`);
  }
  const { store } = options;
  if (store === undefined) return sharedStore();
  const candidate = store as Partial<Store> | null;
  if (typeof candidate?.addSpans !== 'function' || typeof candidate.registerFlusher !== 'function') {
    throw new InvalidArgumentError(`${api}: store must be a tracegate Store, got ${describe(store)}`);
  }
  return store;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object without addSpans/registerFlusher`;
  return typeof value;
}
