import type { Link, SpanStatus as OtelSpanStatus } from '@opentelemetry/api';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';
import { InvalidArgumentError } from '../../errors.js';
import { SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH, idProblem } from '../../model/ids.js';
import type { Resource, Scope, SpanEvent, SpanKind, SpanLink, SpanRecord, SpanStatus } from '../../model/span.js';
import { NO_EVENTS, NO_LINKS, STATUS_ERROR, STATUS_OK, STATUS_UNSET } from '../../model/span.js';
import { EMPTY_ATTRIBUTES } from '../../model/attributes.js';
import type { DecodedBatch } from '../otlp/decoded.js';
import { toAttributes } from './attribute-values.js';
import { hrTimeToNanos } from './hr-time.js';

// @opentelemetry/api numbers kinds from INTERNAL = 0; OTLP (and SPAN_KINDS) put 'unspecified' first.
const KIND_NAMES: readonly SpanKind[] = ['internal', 'server', 'client', 'producer', 'consumer'];
const STATUS_WITHOUT_MESSAGE: readonly SpanStatus[] = [STATUS_UNSET, STATUS_OK, STATUS_ERROR];

type SdkResource = ReadableSpan['resource'];
type SdkScope = ReadableSpan['instrumentationScope'];

const UNKNOWN_SERVICE = 'unknown_service';

/**
 * Turns SDK spans into span records. Converted resources and scopes are cached per SDK object, so every span of
 * one tracer shares one Resource and one Scope, as spans of one OTLP batch do.
 */
export class SpanConverter {
  readonly #resources = new WeakMap<SdkResource, Resource>();
  readonly #scopes = new WeakMap<SdkScope, Scope>();

  /** Converts a batch; a span that cannot be converted is refused with a reason instead of failing the batch. */
  convertBatch(spans: readonly ReadableSpan[]): DecodedBatch<SpanRecord> {
    const records: SpanRecord[] = [];
    const rejected: string[] = [];
    for (const span of spans) {
      try {
        records.push(this.toSpanRecord(span));
      } catch (error) {
        rejected.push(`span "${String(span?.name)}": ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { records, rejected };
  }

  /** Converts one ended span; throws InvalidArgumentError when one of its ids is unusable. */
  toSpanRecord(span: ReadableSpan): SpanRecord {
    const context = span.spanContext();
    const parentSpanId = span.parentSpanContext?.spanId.toLowerCase() ?? '';
    return {
      traceId: checkedId(context.traceId, TRACE_ID_HEX_LENGTH, 'trace id'),
      spanId: checkedId(context.spanId, SPAN_ID_HEX_LENGTH, 'span id'),
      parentSpanId: parentSpanId === '' ? '' : checkedId(parentSpanId, SPAN_ID_HEX_LENGTH, 'parent span id'),
      name: span.name,
      kind: KIND_NAMES[span.kind] ?? 'unspecified',
      startTimeUnixNano: hrTimeToNanos(span.startTime),
      endTimeUnixNano: hrTimeToNanos(span.endTime),
      status: toStatus(span.status),
      attributes: toAttributes(span.attributes),
      events: span.events.length === 0 ? NO_EVENTS : span.events.map(toEvent),
      links: span.links.length === 0 ? NO_LINKS : span.links.map(toLink),
      resource: this.#resource(span.resource),
      scope: this.#scope(span.instrumentationScope),
      traceFlags: context.traceFlags,
      traceState: context.traceState?.serialize() ?? '',
    };
  }

  #resource(sdkResource: SdkResource): Resource {
    const cached = this.#resources.get(sdkResource);
    if (cached !== undefined) return cached;
    const attributes = toAttributes(sdkResource.attributes);
    const serviceName = attributes['service.name'];
    const resource: Resource = {
      serviceName: typeof serviceName === 'string' && serviceName !== '' ? serviceName : UNKNOWN_SERVICE,
      attributes,
    };
    // Attributes still being detected would change later: convert again next time instead of caching a stale copy.
    if (sdkResource.asyncAttributesPending !== true) this.#resources.set(sdkResource, resource);
    return resource;
  }

  #scope(sdkScope: SdkScope): Scope {
    let scope = this.#scopes.get(sdkScope);
    if (scope === undefined) {
      scope = { name: sdkScope.name, version: sdkScope.version ?? '', attributes: EMPTY_ATTRIBUTES };
      this.#scopes.set(sdkScope, scope);
    }
    return scope;
  }
}

function checkedId(id: string, hexLength: number, what: string): string {
  const lower = id.toLowerCase();
  const problem = idProblem(lower, hexLength);
  if (problem !== undefined) throw new InvalidArgumentError(`${what} "${id}" ${problem}`);
  return lower;
}

function toStatus(status: OtelSpanStatus): SpanStatus {
  const shared = STATUS_WITHOUT_MESSAGE[status.code] ?? STATUS_UNSET;
  const message = status.message ?? '';
  return message === '' ? shared : { code: shared.code, message };
}

function toEvent(event: TimedEvent): SpanEvent {
  return { name: event.name, timeUnixNano: hrTimeToNanos(event.time), attributes: toAttributes(event.attributes) };
}

function toLink(link: Link): SpanLink {
  return {
    traceId: link.context.traceId.toLowerCase(),
    spanId: link.context.spanId.toLowerCase(),
    traceState: link.context.traceState?.serialize() ?? '',
    attributes: toAttributes(link.attributes),
  };
}
