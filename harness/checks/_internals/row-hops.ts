import { wordsToHex } from '../../collect/span-table/hex-words.js';
import * as rowLayout from '../../collect/span-table/span-rows.js';
import type { BreakClass, AttributionMethod, HopEdge } from '../../report/report-checks.js';
import type { CheckContext } from './check-context.js';
import type { EdgeToJudge } from './hop-edges.js';
import { judgedEdges } from './hop-edges.js';
import { exitSignature, hopVia } from './hop-via.js';
import { judgeRow } from './rate-rows.js';
import type { SpanColumns } from './span-columns.js';
import { keepShape } from '../../forest/_internals/keep-shape.js';

// Module-local copies of imported bindings: where a loader compiles modules to CommonJS (tsx does), every read of
// an imported binding is a getter call, and these are read for every span.
const { BITS, HAS_EXTRAS, HAS_PARENT, ORIGIN, PARENT_HIGH, PARENT_LOW, TRACE_FLAGS_SHIFT, base } = rowLayout;

const CLIENT = 3;
const PRODUCER = 4;
const FLAGS_MASK = 0xff << TRACE_FLAGS_SHIFT;
/** Up to this many edges, each keeps its hops in an array by position. */
const MAX_DENSE_EDGES = 4;

const SERVER = 2;
const CONSUMER = 5;
/** A (from, to) pair of service numbers as one number: from × PAIR_BASE + to, exact below 2^53. */
const PAIR_BASE = 2 ** 26;

/**
 * Segments (runs of one service along a path) of the columns: the same ones, in the same order, as ForestIndex.
 * Services are numbered in the order met (`names`), so the per-span pass compares and indexes small integers.
 */
interface RowSegments {
  readonly top: number[];
  readonly service: number[];
  /** By position: its segment, and the top of its tree (a segment's parent is the segment of its top's parent). */
  readonly segmentAt: Int32Array;
  readonly treeTopAt: Int32Array;
  /** Service names by number. */
  readonly names: string[];
  /** Positions whose direct child belongs to another service. */
  readonly handedOff: Uint8Array;
  /** Client and producer positions, by service number. */
  readonly exits: number[][];
  /** Distinct (from, to) service numbers of client→server and producer→consumer parent-child pairs. */
  readonly crossings: Set<number>;
  readonly flagsReported: boolean;
  readonly hasLinks: boolean;
}

function segmentsOf(spans: SpanColumns): RowSegments {
  const count = spans.count;
  const segmentAt = new Int32Array(count);
  const treeTopAt = new Int32Array(count);
  const kindAt = new Uint8Array(count);
  const handedOff = new Uint8Array(count);
  const top: number[] = [];
  const segmentService: number[] = [];
  const names: string[] = [];
  const exits: number[][] = [];
  const crossings = new Set<number>();
  // Service number by origin (resource and scope pair), -1 until met; by name, for origins sharing a service.
  const serviceOfOrigin: number[] = [];
  const numberOf = new Map<string, number>();
  let flagsReported = false;
  let hasLinks = false;
  let lastCrossing = -1;
  const { rowAt, parentAt, parts } = spans.columns;
  for (let p = 0; p < count; p++) {
    // One read of the row's words for everything this pass needs of it.
    const row = rowAt[p]!;
    const words = parts.rows.chunk(row).words;
    const at = base(row);
    const bits = words[at + BITS]!;
    const parent = parentAt[p]!;
    const origin = words[at + ORIGIN]!;
    let service = serviceOfOrigin[origin] ?? -1;
    if (service === -1) {
      const name = spans.originService(origin);
      service = numberOf.get(name) ?? -1;
      if (service === -1) {
        service = names.push(name) - 1;
        numberOf.set(name, service);
        exits.push([]);
      }
      serviceOfOrigin[origin] = service;
    }
    const kind = bits & 7;
    kindAt[p] = kind;
    const above = parent === -1 ? -1 : segmentAt[parent]!;
    const tree = parent === -1 ? p : treeTopAt[parent]!;
    treeTopAt[p] = tree;
    if (above === -1 || segmentService[above] !== service) {
      if (above !== -1) {
        handedOff[parent] = 1;
        const upKind = kindAt[parent]!;
        if ((upKind === CLIENT && kind === SERVER) || (upKind === PRODUCER && kind === CONSUMER)) {
          // Pairs repeat request after request: the last one seen skips the set.
          const crossing = segmentService[above]! * PAIR_BASE + service;
          if (crossing !== lastCrossing) crossings.add((lastCrossing = crossing));
        }
      }
      segmentAt[p] = top.push(p) - 1;
      segmentService.push(service);
    } else segmentAt[p] = above;
    if (kind === CLIENT || kind === PRODUCER) exits[service]!.push(p);
    if ((bits & HAS_EXTRAS) === 0) {
      if (!flagsReported && (bits & FLAGS_MASK) !== 0) flagsReported = true;
    } else {
      if (!flagsReported && spans.traceFlags(p) !== 0) flagsReported = true;
      if (spans.hasLinks(p)) hasLinks = true;
    }
  }
  return {
    top,
    service: segmentService,
    segmentAt,
    treeTopAt,
    names,
    handedOff,
    exits,
    crossings,
    flagsReported,
    hasLinks,
  };
}

// As nearestAbove: the deepest position of service number `service` above segment s's top, or -1.
function nearestAbove(spans: SpanColumns, segments: RowSegments, s: number, service: number): number {
  const { parentAt } = spans.columns;
  for (let node = parentAt[segments.top[s]!]!; node !== -1;) {
    const above = segments.segmentAt[node]!;
    if (segments.service[above] === service) return node;
    node = parentAt[segments.top[above]!]!;
  }
  return -1;
}

/** One edge's hops: each upstream position once, in the order first met, with its first downstream top. */
class EdgeHops {
  readonly upstreams: number[] = [];
  // By upstream position, its downstream top plus one (0: none): an array while edges are few, a map beyond, so
  // many inferred edges do not cost 4 bytes per span each.
  readonly #child: Int32Array | Map<number, number>;

  constructor(count: number, edges: number) {
    this.#child = edges <= MAX_DENSE_EDGES ? new Int32Array(count) : new Map();
  }

  add(upstream: number, child: number): void {
    if (this.has(upstream)) return;
    if (this.#child instanceof Map) this.#child.set(upstream, child + 1);
    else this.#child[upstream] = child + 1;
    this.upstreams.push(upstream);
  }

  has(upstream: number): boolean {
    return this.#child instanceof Map ? this.#child.has(upstream) : this.#child[upstream] !== 0;
  }

  childOf(upstream: number): number {
    return (this.#child instanceof Map ? this.#child.get(upstream)! : this.#child[upstream]!) - 1;
  }
}

keepShape(new EdgeHops(0, 1));
keepShape(new EdgeHops(0, MAX_DENSE_EDGES + 1));

function zeroBreaks(): Record<BreakClass, number> {
  return { restarted: 0, orphaned: 0, missing: 0, late: 0, unsampled: 0 };
}

function zeroAttribution(): Record<AttributionMethod, number> {
  return { traceId: 0, messageId: 0, baggage: 0, timing: 0, none: 0 };
}

/**
 * Hop continuity's edge rows read from the columns, when every hop of every edge continued as a child (the healthy
 * run): then nothing needs classifying and no unit needs a record. Returns undefined as soon as anything else shows
 * up (a link, an unsampled or stray downstream span, an exit span that went nowhere): the tree path judges those.
 */
export function healthyHopRows(context: CheckContext, spans: SpanColumns): HopEdge[] | undefined {
  const segments = segmentsOf(spans);
  if (segments.hasLinks) return undefined;
  const { names, crossings } = segments;
  const edges = judgedEdges(context, (see) => {
    for (const crossing of crossings) {
      const to = crossing % PAIR_BASE;
      const from = (crossing - to) / PAIR_BASE;
      // Only the pair's being a crossing matters to inference, not which of the two.
      see('client', names[from]!, 'server', names[to]!);
    }
  });
  const numberOf = new Map(names.map((name, service) => [name, service]));
  const fromOf = edges.map((edge) => numberOf.get(edge.from) ?? -1);
  // By downstream service number: the edges into it.
  const byTo: number[][] = names.map(() => []);
  edges.forEach((edge, e) => byTo[numberOf.get(edge.to) ?? -1]?.push(e));
  // Per edge: upstream position → its first downstream segment top, in the order the tree path meets them.
  const units = edges.map(() => new EdgeHops(spans.count, edges.length));
  if (!hopsAsChildren(context, spans, segments, byTo, fromOf, units)) return undefined;
  for (let e = 0; e < edges.length; e++) {
    const exits = fromOf[e] === -1 ? [] : segments.exits[fromOf[e]!]!;
    if (wentNowhere(spans, segments.handedOff, exits, edges[e]!, units[e]!)) return undefined;
  }
  return edges.map((edge, e) => healthyRow(context, spans, edge, units[e]!));
}

// Each edge's hops, from the segments into its downstream service; false at the first that is not a plain child.
function hopsAsChildren(
  context: CheckContext,
  spans: SpanColumns,
  segments: RowSegments,
  byTo: readonly (readonly number[])[],
  fromOf: readonly number[],
  units: readonly EdgeHops[],
): boolean {
  let anchors: Set<string> | undefined;
  for (let s = 0; s < segments.top.length; s++) {
    const forEdges = byTo[segments.service[s]!]!;
    if (forEdges.length === 0) continue;
    const top = segments.top[s]!;
    for (const e of forEdges) {
      const upstream = nearestAbove(spans, segments, s, fromOf[e]!);
      if (upstream === -1) {
        anchors ??= new Set(context.entries().flatMap((entry) => entry.record.spanId ?? []));
        if (!isAnchored(spans, segments.treeTopAt[top]!, anchors)) return false;
        continue;
      }
      if (segments.flagsReported && (spans.traceFlags(top) & 1) === 0) return false;
      units[e]!.add(upstream, top);
    }
  }
  return true;
}

// An entry span below the injected (never arriving) client span is the request's start, not a broken hop.
function isAnchored(spans: SpanColumns, treeTop: number, anchors: ReadonlySet<string>): boolean {
  if ((spans.bits(treeTop) & HAS_PARENT) === 0) return false;
  const row = spans.columns.rowAt[treeTop]!;
  const words = spans.columns.parts.rows.chunk(row).words;
  return anchors.has(wordsToHex(words[base(row) + PARENT_HIGH]!, words[base(row) + PARENT_LOW]!));
}

// True when an exit span of the edge's upstream service handed work to nobody but looks like one of its hops.
function wentNowhere(
  spans: SpanColumns,
  handedOff: Uint8Array,
  exits: readonly number[],
  edge: EdgeToJudge,
  units: EdgeHops,
): boolean {
  let signatures: Set<string> | undefined;
  for (const p of exits) {
    if (handedOff[p] === 1 || units.has(p)) continue;
    signatures ??= new Set(
      units.upstreams
        .filter((u) => spans.kindIndex(u) === CLIENT || spans.kindIndex(u) === PRODUCER)
        .map((u) => exitSignature(spans.span(u))),
    );
    if (signatures.size === 0 && edge.source === 'inferred') return false;
    if (signatures.size > 0 && !signatures.has(exitSignature(spans.span(p)))) continue;
    return true;
  }
  return false;
}

// The row edgeRow makes for an edge whose every hop continued as a child.
function healthyRow(context: CheckContext, spans: SpanColumns, edge: EdgeToJudge, units: EdgeHops): HopEdge {
  const n = units.upstreams.length;
  const judged = judgeRow('hop-continuity', n, n, context.thresholds);
  const sample = n === 0 ? undefined : ([units.upstreams[0]!, units.childOf(units.upstreams[0]!)] as const);
  return {
    from: edge.from,
    to: edge.to,
    via: edge.via ?? (sample === undefined ? 'other' : hopVia(spans.span(sample[0]), spans.span(sample[1]))),
    accepts: edge.accepts,
    source: edge.source,
    n,
    continuous: n,
    asChild: n,
    asLink: 0,
    rate: judged.value,
    interval: judged.interval,
    status: judged.status,
    breaks: zeroBreaks(),
    attribution: zeroAttribution(),
    examples: [],
  };
}
