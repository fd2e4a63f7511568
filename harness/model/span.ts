import type { Attributes } from './attributes.js';
import type { UnixNano } from './time.js';

/** Span kinds by name, in OTLP's numbering order (0 = unspecified). */
export const SPAN_KINDS = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'] as const;
export type SpanKind = (typeof SPAN_KINDS)[number];

export type StatusCode = 'unset' | 'ok' | 'error';

export interface SpanStatus {
  readonly code: StatusCode;
  readonly message: string;
}

export interface SpanEvent {
  readonly name: string;
  readonly timeUnixNano: UnixNano;
  readonly attributes: Attributes;
}

export interface SpanLink {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceState: string;
  readonly attributes: Attributes;
}

/** The entity that produced telemetry; `serviceName` is `service.name`, or `unknown_service` when absent. */
export interface Resource {
  readonly serviceName: string;
  readonly attributes: Attributes;
}

/** The instrumentation scope (library) that produced a span or log. */
export interface Scope {
  readonly name: string;
  readonly version: string;
  readonly attributes: Attributes;
}

/**
 * One span as tracegate stores it. Ids are lowercase hex; `parentSpanId` is '' for a root.
 * Resource and scope objects are shared by every span of the batch that carried them.
 */
export interface SpanRecord {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: SpanKind;
  readonly startTimeUnixNano: UnixNano;
  readonly endTimeUnixNano: UnixNano;
  readonly status: SpanStatus;
  readonly attributes: Attributes;
  readonly events: readonly SpanEvent[];
  readonly links: readonly SpanLink[];
  readonly resource: Resource;
  readonly scope: Scope;
  /** W3C trace flags (bit 0 = sampled); OTLP carries them in the low byte of `flags`. */
  readonly traceFlags: number;
  readonly traceState: string;
}

/** Status values without a message are shared constants, so most spans carry no status object of their own. */
export const STATUS_UNSET: SpanStatus = Object.freeze({ code: 'unset', message: '' });
export const STATUS_OK: SpanStatus = Object.freeze({ code: 'ok', message: '' });
export const STATUS_ERROR: SpanStatus = Object.freeze({ code: 'error', message: '' });

/** Shared empty lists for spans without events or links. */
export const NO_EVENTS: readonly SpanEvent[] = Object.freeze([]);
export const NO_LINKS: readonly SpanLink[] = Object.freeze([]);

/** True when the span has no parent, i.e. it starts its trace. */
export function isRootSpan(span: SpanRecord): boolean {
  return span.parentSpanId === '';
}
