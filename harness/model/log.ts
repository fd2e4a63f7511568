import type { AttributeValue, Attributes } from './attributes.js';
import type { Resource, Scope } from './span.js';
import type { UnixNano } from './time.js';

/** Where a log line came from: an OTLP export, a captured stdout/stderr stream, or a tailed file. */
export type LogSource =
  | { readonly kind: 'otlp' }
  | { readonly kind: 'stdout' | 'stderr'; readonly process: string }
  | { readonly kind: 'file'; readonly path: string };

/**
 * One log record. `traceId` and `spanId` are lowercase hex, or '' when the log carries none;
 * `service` is the emitting service's name.
 */
export interface LogRecord {
  /** When the event happened; falls back to the observed time when the emitter left it unset. */
  readonly timeUnixNano: UnixNano;
  readonly observedTimeUnixNano: UnixNano;
  readonly severityNumber: number;
  readonly severityText: string;
  readonly body: AttributeValue;
  readonly attributes: Attributes;
  readonly traceId: string;
  readonly spanId: string;
  readonly traceFlags: number;
  readonly service: string;
  readonly resource: Resource;
  readonly scope: Scope;
  readonly source: LogSource;
}
