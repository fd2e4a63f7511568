import { NO_ROW } from './span-rows.js';

/**
 * Trace ids by index, in first-arrival order, with the first and last row and the span count of each trace:
 * rows of one trace chain through their NEXT_IN_TRACE word, so a trace costs one map entry and no array of its own.
 */
export class TraceList {
  readonly ids: string[] = [];
  readonly firstRow: number[] = [];
  readonly lastRow: number[] = [];
  readonly spanCount: number[] = [];
  readonly #indexById = new Map<string, number>();
  // Spans of one trace arrive together: the previous lookup usually answers the next.
  #lastId = '';
  #lastIndex = -1;

  get count(): number {
    return this.ids.length;
  }

  /** The index of a known trace, or -1. */
  indexOf(traceId: string): number {
    if (traceId === this.#lastId) return this.#lastIndex;
    const index = this.#indexById.get(traceId);
    if (index === undefined) return -1;
    this.#lastId = traceId;
    this.#lastIndex = index;
    return index;
  }

  /** The index of this trace, added (without rows) if new. */
  add(traceId: string): number {
    const known = this.indexOf(traceId);
    if (known !== -1) return known;
    const index = this.ids.push(traceId) - 1;
    this.firstRow.push(NO_ROW);
    this.lastRow.push(NO_ROW);
    this.spanCount.push(0);
    this.#indexById.set(traceId, index);
    this.#lastId = traceId;
    this.#lastIndex = index;
    return index;
  }

  /** Trace ids in first-arrival order. */
  keys(): IterableIterator<string> {
    return this.#indexById.keys();
  }
}
