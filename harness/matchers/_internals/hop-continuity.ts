import type { SpanNode } from '../../forest/span-node.js';
import { ancestors } from '../../forest/span-node.js';
import type { TraceTree } from '../../forest/trace-tree.js';
import type { Hop } from './hop.js';
import { findSpans } from '../../dsl/find-spans.js';
import { entrySpans } from './entry-spans.js';
import type { TraceSubject } from './trace-subject.js';

/** One way a hop failed to continue the trace. */
export type HopBreak =
  | { readonly kind: 'orphaned'; readonly node: SpanNode; readonly missingParentId: string }
  | { readonly kind: 'detached'; readonly node: SpanNode }
  | { readonly kind: 'child-not-allowed'; readonly node: SpanNode; readonly upstream: SpanNode }
  | {
      readonly kind: 'link-not-allowed';
      readonly node: SpanNode;
      readonly upstream: SpanNode;
      readonly tree: TraceTree;
    }
  | { readonly kind: 'restarted'; readonly node: SpanNode; readonly tree: TraceTree };

/** Whether the hop continued the trace, and how; or what broke. */
export type HopVerdict =
  | {
      readonly kind: 'continuous';
      readonly via: 'child' | 'link';
      readonly upstream: SpanNode;
      readonly downstream: SpanNode;
      readonly downstreamTree: TraceTree;
    }
  | {
      readonly kind: 'broken';
      readonly upstream: readonly SpanNode[];
      /** Empty when no downstream span was found at all. */
      readonly breaks: readonly HopBreak[];
    };

const MESSAGE_ID = 'messaging.message.id';
const RESTARTED_SHOWN = 3;

function upstreamAbove(node: SpanNode, upstream: ReadonlySet<SpanNode>): SpanNode | undefined {
  for (const above of ancestors(node)) if (upstream.has(above)) return above;
  return undefined;
}

function linkedUpstream(node: SpanNode, tree: TraceTree, upstreamIds: ReadonlySet<string>): SpanNode | undefined {
  for (const { link } of node.links) {
    if (link.traceId === tree.traceId && upstreamIds.has(link.spanId)) return tree.node(link.spanId);
  }
  return undefined;
}

/** Restarted candidates first by a shared message id, then by how close they start to the upstream work. */
function rankRestarted(breaks: HopBreak[], upstream: readonly SpanNode[]): HopBreak[] {
  const messageIds = new Set(upstream.map((node) => node.span.attributes[MESSAGE_ID]).filter((id) => id !== undefined));
  const start = upstream.reduce(
    (min, node) => (node.span.startTimeUnixNano < min ? node.span.startTimeUnixNano : min),
    upstream[0]!.span.startTimeUnixNano,
  );
  const key = (candidate: HopBreak): [number, bigint] => {
    const span = candidate.node.span;
    const sameMessage = messageIds.has(span.attributes[MESSAGE_ID]!) ? 0 : 1;
    const distance = span.startTimeUnixNano >= start ? span.startTimeUnixNano - start : start - span.startTimeUnixNano;
    return [sameMessage, distance];
  };
  return breaks
    .map((candidate) => ({ candidate, key: key(candidate) }))
    .sort((a, b) => a.key[0] - b.key[0] || (a.key[1] < b.key[1] ? -1 : a.key[1] > b.key[1] ? 1 : 0))
    .slice(0, RESTARTED_SHOWN)
    .map(({ candidate }) => candidate);
}

/**
 * Judges one hop in one trace. Continuous when a downstream span sits below an upstream span of this trace (if
 * children count) or links to one (if links count), in this trace or in another one the subject knows.
 */
export function judgeHop(subject: TraceSubject, hop: Hop): HopVerdict {
  const { tree } = subject;
  const allowChild = hop.via !== 'link';
  const allowLink = hop.via !== 'child';
  const upstream = findSpans(tree, hop.from);
  if (upstream.length === 0) return { kind: 'broken', upstream, breaks: [] };
  const upstreamSet = new Set(upstream);
  const upstreamIds = new Set(upstream.map((node) => node.span.spanId));
  const breaks: HopBreak[] = [];

  const downstreamHere = findSpans(tree, hop.to);
  for (const node of downstreamHere) {
    const above = upstreamAbove(node, upstreamSet);
    if (above !== undefined && allowChild)
      return { kind: 'continuous', via: 'child', upstream: above, downstream: node, downstreamTree: tree };
    const linked = linkedUpstream(node, tree, upstreamIds);
    if (linked !== undefined && allowLink)
      return { kind: 'continuous', via: 'link', upstream: linked, downstream: node, downstreamTree: tree };
  }
  for (const node of entrySpans(downstreamHere)) {
    const above = upstreamAbove(node, upstreamSet);
    const linked = linkedUpstream(node, tree, upstreamIds);
    const top = [node, ...ancestors(node)].at(-1)!;
    if (above !== undefined) breaks.push({ kind: 'child-not-allowed', node, upstream: above });
    else if (linked !== undefined) breaks.push({ kind: 'link-not-allowed', node, upstream: linked, tree });
    else if (tree.orphans.includes(top))
      breaks.push({ kind: 'orphaned', node, missingParentId: top.span.parentSpanId });
    else breaks.push({ kind: 'detached', node });
  }

  const restarted: HopBreak[] = [];
  for (const other of subject.others()) {
    const downstream = findSpans(other, hop.to);
    for (const node of downstream) {
      const linked = linkedUpstream(node, tree, upstreamIds);
      if (linked === undefined) continue;
      if (allowLink)
        return { kind: 'continuous', via: 'link', upstream: linked, downstream: node, downstreamTree: other };
      breaks.push({ kind: 'link-not-allowed', node, upstream: linked, tree: other });
    }
    for (const node of entrySpans(downstream)) {
      if (linkedUpstream(node, tree, upstreamIds) === undefined)
        restarted.push({ kind: 'restarted', node, tree: other });
    }
  }
  return { kind: 'broken', upstream, breaks: [...breaks, ...rankRestarted(restarted, upstream)] };
}
