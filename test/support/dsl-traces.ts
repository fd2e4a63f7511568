import { assembleTrace } from '../../harness/forest/assemble-trace.js';
import type { SpanLookup } from '../../harness/forest/span-lookup.js';
import type { TraceTree } from '../../harness/forest/trace-tree.js';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import type { Attributes } from '../../harness/model/attributes.js';
import type { SpanEvent, SpanKind, SpanLink, SpanRecord, StatusCode } from '../../harness/model/span.js';
import { BASE_TIME_UNIX_NANO } from './arbitraries.js';

/** A span to build, with its children; times are milliseconds after BASE_TIME_UNIX_NANO. */
export interface SpanSpec {
  readonly kind: SpanKind;
  readonly name: string;
  readonly service?: string;
  readonly id?: string;
  /** Overrides the parent given by nesting (an orphan names a parent that is not there). */
  readonly parentId?: string;
  readonly startMs?: number;
  readonly durationMs?: number;
  readonly status?: StatusCode;
  readonly attributes?: Attributes;
  readonly events?: readonly { name: string; attributes?: Attributes }[];
  readonly links?: readonly { traceId: string; spanId: string; attributes?: Attributes }[];
  readonly children?: readonly SpanSpec[];
}

const NANOS_PER_MILLI = 1_000_000n;
const nanos = (ms: number) => BASE_TIME_UNIX_NANO + BigInt(Math.round(ms * 1000)) * 1000n;

/** A deterministic span id from a number: `0000000000000001`, … */
export const spanIdOf = (n: number): string => n.toString(16).padStart(16, '0');

/** A deterministic trace id from a number. */
export const traceIdOf = (n: number): string => n.toString(16).padStart(32, '0');

/** The records of the given span specs in one trace; ids count up from `firstId` in depth-first order. */
export function spansOf(traceId: string, roots: readonly SpanSpec[], firstId = 1): SpanRecord[] {
  const records: SpanRecord[] = [];
  let next = firstId;
  const visit = (spec: SpanSpec, parentId: string, inheritedStart: number) => {
    const spanId = spec.id ?? spanIdOf(next++);
    const startMs = spec.startMs ?? inheritedStart;
    const events: SpanEvent[] = (spec.events ?? []).map((event) => ({
      name: event.name,
      timeUnixNano: nanos(startMs),
      attributes: event.attributes ?? EMPTY_ATTRIBUTES,
    }));
    const links: SpanLink[] = (spec.links ?? []).map((link) => ({
      traceId: link.traceId,
      spanId: link.spanId,
      traceState: '',
      attributes: link.attributes ?? EMPTY_ATTRIBUTES,
    }));
    records.push({
      traceId,
      spanId,
      parentSpanId: spec.parentId ?? parentId,
      name: spec.name,
      kind: spec.kind,
      startTimeUnixNano: nanos(startMs),
      endTimeUnixNano: nanos(startMs) + BigInt(Math.round((spec.durationMs ?? 1) * 1000)) * (NANOS_PER_MILLI / 1000n),
      status: { code: spec.status ?? 'unset', message: '' },
      attributes: spec.attributes ?? EMPTY_ATTRIBUTES,
      events,
      links,
      resource: { serviceName: spec.service ?? 'api', attributes: EMPTY_ATTRIBUTES },
      scope: { name: 'test', version: '', attributes: EMPTY_ATTRIBUTES },
      traceFlags: 1,
      traceState: '',
    });
    (spec.children ?? []).forEach((child, k) => visit(child, spanId, startMs + k + 1));
  };
  roots.forEach((root) => visit(root, '', 0));
  return records;
}

/** One assembled trace of the given span specs. */
export function traceOf(
  traceId: string,
  roots: readonly SpanSpec[],
  options: { firstId?: number; lookup?: SpanLookup } = {},
): TraceTree {
  return assembleTrace(traceId, spansOf(traceId, roots, options.firstId), options.lookup);
}
