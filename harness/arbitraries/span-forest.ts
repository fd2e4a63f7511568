import fc from 'fast-check';
import { InvalidArgumentError } from '../errors.js';
import { EMPTY_ATTRIBUTES } from '../model/attributes.js';
import type { Resource, Scope, SpanLink, SpanRecord } from '../model/span.js';
import { NO_EVENTS, NO_LINKS, STATUS_UNSET } from '../model/span.js';
import { spanIdArbitrary, traceIdArbitrary } from './ids.js';
import type { SpanShapeOptions } from './span-shape.js';
import { spanShapeArbitrary } from './span-shape.js';
import { flattenShapes } from './_internals/flat-shapes.js';
import type { SpanPlan } from './_internals/span-plan.js';
import { assignSpanIds, planArbitrary } from './_internals/span-plan.js';

/** Generated spans start within a few milliseconds of this instant (2023-11-14T22:13:20Z), so ties are common. */
export const BASE_TIME_UNIX_NANO = 1_700_000_000_000_000_000n;

const NANOS_PER_MILLI = 1_000_000n;
const SCOPE: Scope = Object.freeze({ name: 'tracegate-arbitraries', version: '', attributes: EMPTY_ATTRIBUTES });

/** Options of `spanForestArbitrary`; the shape options apply to every span. */
export interface SpanForestOptions extends SpanShapeOptions {
  /** Most traces. Default 3 (at least one is always generated). */
  readonly maxTraces?: number;
  /** Most spans without a parent per trace. Default 2 (at least one). */
  readonly maxRootsPerTrace?: number;
  /** Links to spans of any generated trace, and to spans that were never generated. Default true. */
  readonly links?: boolean;
}

const API = 'tracegate.spanForestArbitrary()';

function atLeastOne(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError(`${API}: ${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

/** One shared, frozen resource per service, as a real exporter batch shares them. */
function resourceCache(): (service: string) => Resource {
  const resources = new Map<string, Resource>();
  return (service) => {
    let resource = resources.get(service);
    if (resource === undefined) {
      resource = Object.freeze({ serviceName: service, attributes: EMPTY_ATTRIBUTES });
      resources.set(service, resource);
    }
    return resource;
  };
}

/**
 * Spans of one or more traces, in generation order (parents before children), as a store would hold them:
 * same-trace and cross-trace links, links to spans that were never collected, and span ids reused with another
 * kind (as Zipkin B3 shared spans do). Deterministic for a given seed; shrinks towards one trace of one span.
 */
export function spanForestArbitrary(options: SpanForestOptions = {}): fc.Arbitrary<SpanRecord[]> {
  const maxTraces = atLeastOne(options.maxTraces, 3, 'maxTraces');
  const maxRoots = atLeastOne(options.maxRootsPerTrace, 2, 'maxRootsPerTrace');
  const shape = spanShapeArbitrary({
    ...(options.maxChildren === undefined ? {} : { maxChildren: options.maxChildren }),
    ...(options.services === undefined ? {} : { services: options.services }),
    ...(options.names === undefined ? {} : { names: options.names }),
  });
  const resourceOf = resourceCache();
  const roots = fc.array(shape, { minLength: 1, maxLength: maxRoots });
  return fc.array(roots, { minLength: 1, maxLength: maxTraces }).chain((traces) => {
    const flat = flattenShapes(traces);
    return fc
      .record({
        traceIds: fc.uniqueArray(traceIdArbitrary(), { minLength: traces.length, maxLength: traces.length }),
        spanIds: fc.uniqueArray(spanIdArbitrary(), { minLength: flat.length, maxLength: flat.length }),
        plans: fc.array(planArbitrary(options.links ?? true), { minLength: flat.length, maxLength: flat.length }),
      })
      .map(({ traceIds, spanIds, plans }) => {
        const ids = assignSpanIds(flat, spanIds, plans);
        const linkTo = (plan: SpanPlan['links'][number]): SpanLink => {
          const target =
            'to' in plan
              ? { traceId: traceIds[flat[plan.to % flat.length]!.traceIndex]!, spanId: ids[plan.to % flat.length]! }
              : plan;
          return { ...target, traceState: '', attributes: EMPTY_ATTRIBUTES };
        };
        return flat.map(({ shape: { name, kind, service, startMs, durationMs }, traceIndex, parent }, i) => {
          const start = BASE_TIME_UNIX_NANO + BigInt(startMs) * NANOS_PER_MILLI;
          const links = plans[i]!.links;
          const record: SpanRecord = {
            traceId: traceIds[traceIndex]!,
            spanId: ids[i]!,
            parentSpanId: parent === undefined ? '' : ids[parent]!,
            name,
            kind,
            startTimeUnixNano: start,
            endTimeUnixNano: start + BigInt(durationMs) * NANOS_PER_MILLI,
            status: STATUS_UNSET,
            attributes: EMPTY_ATTRIBUTES,
            events: NO_EVENTS,
            links: links.length === 0 ? NO_LINKS : links.map(linkTo),
            resource: resourceOf(service),
            scope: SCOPE,
            traceFlags: 1,
            traceState: '',
          };
          return record;
        });
      });
  });
}
