import type { Store } from '../collect/store.js';
import { RowForest } from '../forest/row-forest.js';
import type { RequestRecord } from '../traffic/request-record.js';
import type { Thresholds } from '../verdict/thresholds.js';
import type { CheckInput } from './check-input.js';
import { keepShape } from '../forest/_internals/keep-shape.js';

// Exemplars of both inputs made here, so the checks' code that reads them survives a full collection (keepShape).
keepShape({ records: [], forest: new Map(), logs: [] });
keepShape({ records: [], forest: new Map(), logs: [], thresholds: {} });

/**
 * Reads a store once into a CheckInput: every span assembled (links resolve across traces) and every log. Spans are
 * read in place (RowSpan): fields are read from the store's packed rows when a check asks for them.
 */
export function checkInputFromStore(
  store: Store,
  records: readonly RequestRecord[],
  thresholds?: Thresholds,
): CheckInput {
  const forest = new RowForest(store);
  return thresholds === undefined
    ? { records, forest, logs: store.logs() }
    : { records, forest, logs: store.logs(), thresholds };
}
