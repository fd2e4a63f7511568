import type { TraceTree } from './forest/trace-tree.js';
import type { Store } from './collect/store.js';

// Symbol.for: jest gives each test file its own copy of this module, and a tree made by one copy is read by another.
const ORIGINS_KEY: unique symbol = Symbol.for('tracegate.treeOrigins');

type OriginsHolder = { [ORIGINS_KEY]?: WeakMap<TraceTree, Store> };

function origins(): WeakMap<TraceTree, Store> {
  const holder = globalThis as OriginsHolder;
  return (holder[ORIGINS_KEY] ??= new WeakMap());
}

/** Records which store a tree was read from, so matchers can look for a broken hop's spans in other traces. */
export function rememberOrigin(tree: TraceTree, store: Store): void {
  origins().set(tree, store);
}

/** The store a tree was read from by a harness, if it was. */
export function originOf(tree: TraceTree): Store | undefined {
  return origins().get(tree);
}
