import type { Store } from '../collect/store.js';
import { assembleStoreForest } from '../forest/assemble-store-forest.js';
import type { RequestRecord } from '../traffic/request-record.js';
import type { Thresholds } from '../verdict/thresholds.js';
import type { CheckInput } from './check-input.js';

/** Reads a store once into a CheckInput: every span assembled (links resolve across traces) and every log. */
export function checkInputFromStore(
  store: Store,
  records: readonly RequestRecord[],
  thresholds?: Thresholds,
): CheckInput {
  const forest = assembleStoreForest(store);
  return thresholds === undefined
    ? { records, forest, logs: store.logs() }
    : { records, forest, logs: store.logs(), thresholds };
}
