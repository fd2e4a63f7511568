import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Store } from '../store.js';
import { resolveStore } from './resolve-store.js';
import { SpanConverter } from './span-converter.js';
import { recordRejected } from './rejected.js';

/** Options of {@link TracegateSpanProcessor}. */
export interface TracegateSpanProcessorOptions {
  /** Where spans go. Default: the process-wide `sharedStore()`. */
  readonly store?: Store;
}

/**
 * A span processor for code under test in this process: it keeps ended spans in a buffer (onEnd only appends)
 * and writes them into the store on the next microtask, or at once when someone calls `store.flush()`.
 */
export class TracegateSpanProcessor implements SpanProcessor {
  readonly store: Store;
  readonly #converter = new SpanConverter();
  readonly #unregisterFlusher: () => void;
  #buffer: ReadableSpan[] = [];
  #drainScheduled = false;
  #isShutdown = false;

  constructor(options?: TracegateSpanProcessorOptions) {
    this.store = resolveStore('new TracegateSpanProcessor()', options);
    this.#unregisterFlusher = this.store.registerFlusher(() => this.forceFlush());
  }

  onStart(): void {
    // Only ended spans are records; nothing to do when one starts.
  }

  onEnd(span: ReadableSpan): void {
    if (this.#isShutdown) {
      // The provider is gone but a span still ended: count it so the report shows the loss.
      this.store.countRejected('spans', 1);
      return;
    }
    this.#buffer.push(span);
    if (!this.#drainScheduled) {
      this.#drainScheduled = true;
      // Batching to a microtask keeps span.end() cheap and still notifies store listeners without a timer.
      queueMicrotask(() => this.#drain());
    }
  }

  /** Writes every buffered span into the store; a failing store listener rejects the promise, never throws. */
  forceFlush(): Promise<void> {
    try {
      this.#drain();
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Flushes, then stops accepting spans and detaches from the store's flush. */
  shutdown(): Promise<void> {
    if (this.#isShutdown) return Promise.resolve();
    this.#isShutdown = true;
    this.#unregisterFlusher();
    return this.forceFlush();
  }

  #drain(): void {
    this.#drainScheduled = false;
    if (this.#buffer.length === 0) return;
    const spans = this.#buffer;
    this.#buffer = [];
    const batch = this.#converter.convertBatch(spans);
    if (batch.records.length > 0) this.store.addSpans(batch.records);
    recordRejected(this.store, batch.rejected);
  }
}
