import type { Store } from '../store.js';
import type { DecodePool } from './decode-pool.js';
import { decodeExport, storeExport } from './ingest.js';
import type { DecodedExport, IngestResult } from './ingest.js';
import type { OtlpFormat } from './responses.js';

/** How one export body ended: what it added to the store, or why it was not stored (decode error or fault). */
export type IngestOutcome = { readonly result: IngestResult } | { readonly error: unknown };

interface Entry {
  decoded: DecodedExport | undefined;
  error: unknown;
  ready: boolean;
  readonly finish: (outcome: IngestOutcome) => void;
}

/**
 * Stores complete export bodies in the order they were completed, each in one synchronous step. Bodies decode at
 * once on this thread, or in the decode pool (OTLP/JSON traces, when the pool has workers); a body whose decoding
 * finished early waits for the ones completed before it, so the store sees batches in the same order either way.
 */
export class IngestPipeline {
  readonly #store: Store;
  readonly #pool: DecodePool | undefined;
  readonly #entries: Entry[] = [];

  constructor(store: Store, pool: DecodePool | undefined) {
    this.#store = store;
    this.#pool = pool;
  }

  /** Decodes and stores `body` after every body submitted before it; `finish` is called once with the outcome. */
  submit(signal: 'traces' | 'logs', format: OtlpFormat, body: Buffer, finish: (outcome: IngestOutcome) => void): void {
    const entry: Entry = { decoded: undefined, error: undefined, ready: false, finish };
    this.#entries.push(entry);
    if (this.#pool !== undefined && signal === 'traces' && format === 'json') {
      this.#pool.decodeTracesJson(body).then(
        (staged) => this.#ready(entry, { staged }, undefined),
        (error: unknown) => this.#ready(entry, undefined, error),
      );
      return;
    }
    try {
      this.#ready(entry, decodeExport(signal, format, body), undefined);
    } catch (error) {
      this.#ready(entry, undefined, error);
    }
  }

  #ready(entry: Entry, decoded: DecodedExport | undefined, error: unknown): void {
    entry.decoded = decoded;
    entry.error = error;
    entry.ready = true;
    const entries = this.#entries;
    while (entries.length > 0 && entries[0]!.ready) {
      const next = entries.shift()!;
      let outcome: IngestOutcome;
      if (next.decoded === undefined) {
        outcome = { error: next.error };
      } else {
        try {
          outcome = { result: storeExport(this.#store, next.decoded) };
        } catch (fault) {
          outcome = { error: fault };
        }
      }
      next.finish(outcome);
    }
  }
}
