import type { SpanNode } from '../../forest/span-node.js';
import type { SpanRecord } from '../../model/span.js';
import type { CheckContext } from './check-context.js';
import type { Segment } from './forest-index.js';
import { handedOffTest, nearestAbove } from './forest-index.js';
import type { EdgeToJudge } from './hop-edges.js';
import { exitSignature } from './hop-via.js';

/** One hop: an upstream span that handed work to the edge's downstream service, and what was found downstream. */
export interface HopUnit {
  readonly upstream: SpanRecord;
  /** A sampled downstream span below the upstream span. */
  child: SpanRecord | undefined;
  /** A sampled downstream span linking to the upstream span. */
  link: SpanRecord | undefined;
  /** A downstream span below or linked, but with the sampled bit off. */
  unsampled: SpanRecord | undefined;
  /** A downstream span linking to the upstream span on an edge that accepts only children. */
  linkOnly: SpanRecord | undefined;
}

/** An edge's hops and the downstream spans not tied to any upstream span yet. */
export interface EdgeUnits {
  readonly edge: EdgeToJudge;
  /** By the upstream span's key (ForestIndex.keyOf). */
  readonly units: Map<string | number, HopUnit>;
  /** Downstream segment tops in a trace, below no upstream span, by trace id (orphaned-hop candidates). */
  readonly strays: Map<string, SpanNode[]>;
  /** Downstream tops of whole subtrees in traces of no request and no link (restarted-hop candidates). */
  readonly restarts: SpanNode[];
}

/** True when the span's sampled bit is off and the exporters report flags at all. */
export function isUnsampled(span: SpanRecord, flagsReported: boolean): boolean {
  return flagsReported && (span.traceFlags & 1) === 0;
}

function unitFor(units: Map<string | number, HopUnit>, upstream: SpanRecord, key: string | number): HopUnit {
  let unit = units.get(key);
  if (unit === undefined) {
    unit = { upstream, child: undefined, link: undefined, unsampled: undefined, linkOnly: undefined };
    units.set(key, unit);
  }
  return unit;
}

interface RequestIndex {
  /** Trace ids of the requests. */
  readonly traces: ReadonlySet<string>;
  /** Injected client span ids: the parents of entry spans that never arrive. */
  readonly anchors: ReadonlySet<string>;
}

function requestIndexOf(context: CheckContext): RequestIndex {
  const traces = new Set<string>();
  const anchors = new Set<string>();
  for (const entry of context.entries()) {
    if (entry.traceId !== undefined) traces.add(entry.traceId);
    if (entry.record.spanId !== undefined) anchors.add(entry.record.spanId);
  }
  return { traces, anchors };
}

/** Collects every edge's hops in one pass over segments, one over links and one over exit spans. */
export function collectUnits(context: CheckContext, edges: readonly EdgeToJudge[]): EdgeUnits[] {
  const index = context.index();
  const { flagsReported, keyOf } = index;
  // Needed only for a downstream segment below no upstream span: a healthy run never builds it.
  let requests: RequestIndex | undefined;
  const all = edges.map((edge): EdgeUnits => ({ edge, units: new Map(), strays: new Map(), restarts: [] }));
  const byTo = new Map<string, EdgeUnits[]>();
  for (const units of all) byTo.set(units.edge.to, [...(byTo.get(units.edge.to) ?? []), units]);
  const linkedTraces = new Map<EdgeUnits, Set<string>>();

  for (const node of index.linking) {
    for (const units of byTo.get(node.span.resource.serviceName) ?? []) {
      for (const { target } of node.links) {
        if (target === undefined || target.resource.serviceName !== units.edge.from) continue;
        const unit = unitFor(units.units, target, keyOf(target));
        if (isUnsampled(node.span, flagsReported)) unit.unsampled ??= node.span;
        else if (units.edge.accepts === 'child') unit.linkOnly ??= node.span;
        else unit.link ??= node.span;
        const traces = linkedTraces.get(units) ?? new Set<string>();
        linkedTraces.set(units, traces.add(node.span.traceId));
      }
    }
  }
  const strayOrRestart = (units: EdgeUnits, segment: Segment): void => {
    const top = segment.treeTop;
    const traceId = segment.top.span.traceId;
    const { traces: requestTraces, anchors } = (requests ??= requestIndexOf(context));
    // An entry span below the injected (never arriving) client span is the request's start, not a broken hop.
    if (top.parent === undefined && top.span.parentSpanId !== '' && anchors.has(top.span.parentSpanId)) return;
    if (segment.parent === undefined && !requestTraces.has(traceId) && !linkedTraces.get(units)?.has(traceId)) {
      units.restarts.push(segment.top);
    }
    const list = units.strays.get(traceId);
    if (list === undefined) units.strays.set(traceId, [segment.top]);
    else list.push(segment.top);
  };
  for (const segment of index.segments) {
    for (const units of byTo.get(segment.service) ?? []) {
      const upstream = nearestAbove(segment, units.edge.from);
      if (upstream === undefined) {
        strayOrRestart(units, segment);
        continue;
      }
      const unit = unitFor(units.units, upstream.span, keyOf(upstream.span));
      if (isUnsampled(segment.top.span, flagsReported)) unit.unsampled ??= segment.top.span;
      else unit.child ??= segment.top.span;
    }
  }
  for (const units of all) addExitUnits(context, units);
  return all;
}

/** Adds the upstream service's exit spans that went nowhere but look like this edge's hops. */
function addExitUnits(context: CheckContext, units: EdgeUnits): void {
  const index = context.index();
  const { exits, keyOf } = index;
  const isHandedOff = handedOffTest(index);
  // Learned only when an exit span went nowhere: a healthy edge never needs them.
  let signatures: Set<string> | undefined;
  for (const node of exits.get(units.edge.from) ?? []) {
    const span = node.span;
    const key = keyOf(span);
    if (isHandedOff(node) || units.units.has(key)) continue;
    signatures ??= exitSignatures(units);
    // With no hop seen to learn from, a declared edge takes every exit span that handed work to nobody.
    if (signatures.size === 0 && units.edge.source === 'inferred') return;
    if (signatures.size > 0 && !signatures.has(exitSignature(span))) continue;
    unitFor(units.units, span, key);
  }
}

/** The signatures (`exitSignature`) of the edge's upstream exit spans seen so far. */
function exitSignatures(units: EdgeUnits): Set<string> {
  const signatures = new Set<string>();
  for (const unit of units.units.values()) {
    const kind = unit.upstream.kind;
    if (kind === 'client' || kind === 'producer') signatures.add(exitSignature(unit.upstream));
  }
  return signatures;
}
