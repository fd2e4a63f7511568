import fc from 'fast-check';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import { SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH } from '../../harness/model/ids.js';
import type { Resource, Scope, SpanKind, SpanLink, SpanRecord } from '../../harness/model/span.js';
import { NO_EVENTS, NO_LINKS, SPAN_KINDS, STATUS_UNSET } from '../../harness/model/span.js';
import { kindRank } from '../../harness/forest/span-order.js';

/** Generated spans start within a few milliseconds of this instant, so equal start times are common. */
export const BASE_TIME_UNIX_NANO = 1_700_000_000_000_000_000n;
const NANOS_PER_MILLI = 1_000_000n;
const SERVICES = ['api', 'relay', 'worker'] as const;
const SPAN_NAMES = ['POST /api/checkout', 'orders publish', 'orders process', 'SELECT orders', 'charge'] as const;
const SCOPE: Scope = Object.freeze({ name: 'tracegate-arbitraries', version: '', attributes: EMPTY_ATTRIBUTES });
const RESOURCES: Readonly<Record<string, Resource>> = Object.fromEntries(
  SERVICES.map((service) => [service, Object.freeze({ serviceName: service, attributes: EMPTY_ATTRIBUTES })]),
);

function hexId(length: number): fc.Arbitrary<string> {
  const digit = fc.constantFrom(...'0123456789abcdef');
  return fc.string({ unit: digit, minLength: length, maxLength: length }).filter((id) => !/^0+$/.test(id));
}

/** A valid W3C trace id: 32 lowercase hex characters, not all zeros. */
export const traceIdArbitrary = (): fc.Arbitrary<string> => hexId(TRACE_ID_HEX_LENGTH);

/** A valid W3C span id: 16 lowercase hex characters, not all zeros. */
export const spanIdArbitrary = (): fc.Arbitrary<string> => hexId(SPAN_ID_HEX_LENGTH);

/** Any span kind. */
export const spanKindArbitrary = (): fc.Arbitrary<SpanKind> => fc.constantFrom(...SPAN_KINDS);

/** A span and its children before ids are assigned. */
export interface SpanShape {
  readonly name: string;
  readonly kind: SpanKind;
  readonly service: string;
  /** Start, in milliseconds after BASE_TIME_UNIX_NANO; few values, so siblings often tie. */
  readonly startMs: number;
  readonly durationMs: number;
  readonly children: readonly SpanShape[];
}

/** A recursive span tree shape (built with `letrec`; depth biased small). */
export function spanShapeArbitrary(maxChildren = 3): fc.Arbitrary<SpanShape> {
  return fc.letrec<{ shape: SpanShape }>((tie) => ({
    shape: fc.record({
      name: fc.constantFrom(...SPAN_NAMES),
      kind: spanKindArbitrary(),
      service: fc.constantFrom(...SERVICES),
      startMs: fc.integer({ min: 0, max: 4 }),
      durationMs: fc.integer({ min: 0, max: 3 }),
      children: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constant([]),
        fc.array(tie('shape'), { maxLength: maxChildren }),
      ),
    }),
  })).shape;
}

interface FlatShape {
  readonly shape: SpanShape;
  readonly traceIndex: number;
  readonly parent: number | undefined;
}

function flatten(traces: readonly (readonly SpanShape[])[]): FlatShape[] {
  const flat: FlatShape[] = [];
  const visit = (shape: SpanShape, traceIndex: number, parent: number | undefined): void => {
    const index = flat.push({ shape, traceIndex, parent }) - 1;
    for (const child of shape.children) visit(child, traceIndex, index);
  };
  traces.forEach((roots, traceIndex) => roots.forEach((root) => visit(root, traceIndex, undefined)));
  return flat;
}

/** Per span: maybe reuse another span's id, and links to other spans (`to`) or to spans that do not exist. */
interface SpanPlan {
  readonly reuse: number | null;
  readonly links: readonly ({ readonly to: number } | { readonly traceId: string; readonly spanId: string })[];
}

const planArbitrary = (withLinks: boolean): fc.Arbitrary<SpanPlan> =>
  fc.record({
    reuse: fc.option(fc.nat(), { freq: 4 }),
    links: withLinks
      ? fc.array(
          fc.oneof(fc.record({ to: fc.nat() }), fc.record({ traceId: traceIdArbitrary(), spanId: spanIdArbitrary() })),
          {
            maxLength: 2,
          },
        )
      : fc.constant([]),
  });

/**
 * Chooses each span's id. A span may take the id of another span of its trace with another kind — but only a
 * leaf, and only when the other is a leaf too or keeps priority (see primaryRecord), so no span changes parent.
 */
function assignSpanIds(flat: readonly FlatShape[], uniqueIds: readonly string[], plans: readonly SpanPlan[]): string[] {
  const ids = [...uniqueIds];
  const used = new Set(flat.map((node, i) => `${ids[i]}/${node.shape.kind}`));
  flat.forEach((node, i) => {
    const reuse = plans[i]!.reuse;
    if (reuse === null || node.shape.children.length > 0) return;
    const j = reuse % flat.length;
    const other = flat[j]!;
    if (j === i || other.traceIndex !== node.traceIndex || other.shape.kind === node.shape.kind) return;
    // Only a span still holding its own id is a target, so the one holder that may have children is `other`.
    if (ids[j] !== uniqueIds[j]) return;
    if (other.shape.children.length > 0 && kindRank(node.shape.kind) < kindRank(other.shape.kind)) return;
    if (used.has(`${ids[j]}/${node.shape.kind}`)) return;
    used.delete(`${ids[i]}/${node.shape.kind}`);
    ids[i] = ids[j]!;
    used.add(`${ids[i]}/${node.shape.kind}`);
  });
  return ids;
}

export interface SpanForestOptions {
  readonly maxTraces?: number;
  readonly maxRootsPerTrace?: number;
  readonly maxChildren?: number;
  /** Links to spans of any generated trace, and to spans that were never generated. Default true. */
  readonly links?: boolean;
}

/**
 * Spans of several traces, each a forest of generated shapes: same-trace and cross-trace links, dangling links,
 * and span ids reused with another kind. Deterministic for a given seed.
 */
export function spanForestArbitrary(options: SpanForestOptions = {}): fc.Arbitrary<SpanRecord[]> {
  const roots = fc.array(spanShapeArbitrary(options.maxChildren), {
    minLength: 1,
    maxLength: options.maxRootsPerTrace ?? 2,
  });
  return fc.array(roots, { minLength: 1, maxLength: options.maxTraces ?? 3 }).chain((traces) => {
    const flat = flatten(traces);
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
        return flat.map(({ shape, traceIndex, parent }, i): SpanRecord => {
          const start = BASE_TIME_UNIX_NANO + BigInt(shape.startMs) * NANOS_PER_MILLI;
          const links = plans[i]!.links;
          return {
            traceId: traceIds[traceIndex]!,
            spanId: ids[i]!,
            parentSpanId: parent === undefined ? '' : ids[parent]!,
            name: shape.name,
            kind: shape.kind,
            startTimeUnixNano: start,
            endTimeUnixNano: start + BigInt(shape.durationMs) * NANOS_PER_MILLI,
            status: STATUS_UNSET,
            attributes: EMPTY_ATTRIBUTES,
            events: NO_EVENTS,
            links: links.length === 0 ? NO_LINKS : links.map(linkTo),
            resource: RESOURCES[shape.service]!,
            scope: SCOPE,
            traceFlags: 1,
            traceState: '',
          };
        });
      });
  });
}
