import type { Clock } from '../../clock.js';
import type { Store } from '../../collect/store.js';

/** What every started service shares: where its logs and telemetry go, and the clock its waits run on. */
export interface StartServiceOptions {
  readonly store: Store;
  /** The receiver's base URL, given to services as OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly otlpEndpoint: string;
  /** Default the real clock. */
  readonly clock?: Clock;
  /** Environment services inherit; default `process.env`. */
  readonly inheritEnv?: Readonly<Record<string, string | undefined>>;
  /** Lines shown in a start error; default 20. */
  readonly lastLineCount?: number;
  /** Log field names for ids (see LogLineOptions); defaults DEFAULT_TRACE_ID_FIELDS and DEFAULT_SPAN_ID_FIELDS. */
  readonly traceIdFields?: readonly string[];
  readonly spanIdFields?: readonly string[];
  readonly maxLineChars?: number;
}
