import type { Store } from '../../collect/store.js';

/** The part of a store a wait uses: a shared store or a test double can stand in for it. */
export type CompletionSource = Pick<Store, 'subscribe' | 'flush' | 'trace' | 'span'>;
