import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ErrorCode, InvalidArgumentError, TracegateError } from '../../errors.js';
import type { Store } from '../store.js';
import { resolveStore } from './resolve-store.js';
import { SpanConverter } from './span-converter.js';
import { recordRejected } from './rejected.js';

// Taken from the exporter interface so that no runtime value (ExportResultCode) is imported from the SDK.
type ExportResult = Parameters<Parameters<SpanExporter['export']>[1]>[0];
const SUCCESS: ExportResult['code'] = 0;
const FAILED: ExportResult['code'] = 1;

/** Options of {@link TracegateSpanExporter}. */
export interface TracegateSpanExporterOptions {
  /** Where spans go. Default: the process-wide `sharedStore()`. */
  readonly store?: Store;
}

/**
 * A span exporter that writes into a tracegate store, for pipelines that already use a Simple or Batch span
 * processor. It never throws: every call ends with a result, FAILED naming what went wrong.
 */
export class TracegateSpanExporter implements SpanExporter {
  readonly store: Store;
  readonly #converter = new SpanConverter();
  #isShutdown = false;

  constructor(options?: TracegateSpanExporterOptions) {
    this.store = resolveStore('new TracegateSpanExporter()', options);
  }

  /** Stores the spans it can convert; reports FAILED when any span was refused or the exporter is shut down. */
  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    resultCallback(this.#export(spans));
  }

  #export(spans: readonly ReadableSpan[]): ExportResult {
    if (this.#isShutdown) {
      this.store.countRejected('spans', spans.length);
      const error = new TracegateError(
        ErrorCode.Closed,
        `TracegateSpanExporter: ${spans.length} spans exported after shutdown were not stored`,
      );
      return { code: FAILED, error };
    }
    try {
      const batch = this.#converter.convertBatch(spans);
      if (batch.records.length > 0) this.store.addSpans(batch.records);
      recordRejected(this.store, batch.rejected);
      if (batch.rejected.length === 0) return { code: SUCCESS };
      const message = `TracegateSpanExporter: refused ${batch.rejected.length} of ${spans.length} spans; first: ${batch.rejected[0]}`;
      return { code: FAILED, error: new InvalidArgumentError(message) };
    } catch (error) {
      return { code: FAILED, error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  /** Nothing is buffered here: every export is stored before its callback runs. */
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    this.#isShutdown = true;
    return Promise.resolve();
  }
}
