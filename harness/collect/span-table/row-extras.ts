import type { SpanEvent, SpanLink, SpanRecord } from '../../model/span.js';
import { NO_EVENTS, NO_LINKS } from '../../model/span.js';

const MAX_UINT64 = 0xffff_ffff_ffff_ffffn;

/** True when a time fits the row's unsigned 64-bit slot; anything else is kept in the extras. */
export function fitsTimeSlot(nanos: bigint): boolean {
  // typeof too: a number from untyped code would make the typed array throw instead of being kept as it is
  return typeof nanos === 'bigint' && nanos >= 0n && nanos <= MAX_UINT64;
}

// Both times in one function: bigint comparisons are builtin calls, so every call saved counts on this path.
function timesFit(start: bigint, end: bigint): boolean {
  return (
    typeof start === 'bigint' &&
    typeof end === 'bigint' &&
    start >= 0n &&
    end >= 0n &&
    start <= MAX_UINT64 &&
    end <= MAX_UINT64
  );
}

/** True when trace flags fit the row's byte; anything else is kept in the extras. */
export function fitsFlagsByte(flags: number): boolean {
  return (flags & 0xff) === flags;
}

/** The fields of a span that extras are made from (a staged span passes just these). */
export type ExtrasSource = Pick<
  SpanRecord,
  | 'events'
  | 'links'
  | 'status'
  | 'traceState'
  | 'spanId'
  | 'parentSpanId'
  | 'startTimeUnixNano'
  | 'endTimeUnixNano'
  | 'traceFlags'
>;

/**
 * What a span carries beyond the fixed row: most spans have none of it, so it is one object only for the spans
 * that do (events, links, a status message, trace state), plus the rare values the row cannot encode exactly.
 */
export class RowExtras {
  readonly events: readonly SpanEvent[];
  readonly links: readonly SpanLink[];
  readonly statusMessage: string;
  readonly traceState: string;
  /** The span id when it is not 16 lowercase hex digits; '' otherwise. */
  readonly oddSpanId: string;
  /** The parent span id when it is neither '' nor 16 lowercase hex digits; '' otherwise. */
  readonly oddParentSpanId: string;
  /** Times and flags outside their slots; undefined when the row holds them. */
  readonly startTimeUnixNano: bigint | undefined;
  readonly endTimeUnixNano: bigint | undefined;
  readonly traceFlags: number | undefined;

  constructor(span: ExtrasSource, oddSpanId: boolean, oddParentSpanId: boolean) {
    this.events = span.events.length === 0 ? NO_EVENTS : span.events;
    this.links = span.links.length === 0 ? NO_LINKS : span.links;
    this.statusMessage = span.status.message;
    this.traceState = span.traceState;
    this.oddSpanId = oddSpanId ? span.spanId : '';
    this.oddParentSpanId = oddParentSpanId ? span.parentSpanId : '';
    this.startTimeUnixNano = fitsTimeSlot(span.startTimeUnixNano) ? undefined : span.startTimeUnixNano;
    this.endTimeUnixNano = fitsTimeSlot(span.endTimeUnixNano) ? undefined : span.endTimeUnixNano;
    this.traceFlags = fitsFlagsByte(span.traceFlags) ? undefined : span.traceFlags;
  }
}

/** True when `span` needs extras besides any odd ids. */
export function needsExtras(span: SpanRecord): boolean {
  return (
    span.events.length !== 0 ||
    span.links.length !== 0 ||
    span.status.message !== '' ||
    span.traceState !== '' ||
    !fitsFlagsByte(span.traceFlags) ||
    !timesFit(span.startTimeUnixNano, span.endTimeUnixNano)
  );
}
