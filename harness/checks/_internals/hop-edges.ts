import type { HopEdge } from '../../report/report-checks.js';
import type { CheckContext } from './check-context.js';

/** An edge to judge, before counting. */
export interface EdgeToJudge {
  readonly from: string;
  readonly to: string;
  readonly accepts: HopEdge['accepts'];
  readonly source: HopEdge['source'];
  readonly via: HopEdge['via'] | undefined;
}

/** True for a client→server or producer→consumer pair. */
function isCrossing(upKind: string, downKind: string): boolean {
  return (upKind === 'client' && downKind === 'server') || (upKind === 'producer' && downKind === 'consumer');
}

/** Calls `see` with (upstream kind and service, downstream kind and service) of each parent-child or link pair. */
export type PairVisitor = (see: (upKind: string, from: string, downKind: string, to: string) => void) => void;

/** Declared edges, then (when inferring) the client→server and producer→consumer pairs of the service graph. */
export function edgesToJudge(context: CheckContext): EdgeToJudge[] {
  return judgedEdges(context, (see) => {
    const index = context.index();
    for (const segment of index.segments) {
      const parent = segment.top.parent;
      if (parent !== undefined)
        see(parent.span.kind, parent.span.resource.serviceName, segment.top.span.kind, segment.service);
    }
    for (const node of index.linking) {
      for (const { target } of node.links) {
        if (target !== undefined)
          see(target.kind, target.resource.serviceName, node.span.kind, node.span.resource.serviceName);
      }
    }
  });
}

/** As edgesToJudge, with the pairs of the service graph from `pairs`. */
export function judgedEdges(context: CheckContext, pairs: PairVisitor): EdgeToJudge[] {
  const { edges, inferEdges } = context.options;
  const result = new Map<string, EdgeToJudge>();
  for (const edge of edges) {
    result.set(`${edge.from}>${edge.to}`, {
      from: edge.from,
      to: edge.to,
      accepts: edge.accepts ?? 'child-or-link',
      source: 'scenario',
      via: edge.via,
    });
  }
  if (!inferEdges) return [...result.values()];
  const inferred = new Map<string, EdgeToJudge>();
  const see = (from: string, to: string): void => {
    const key = `${from}>${to}`;
    if (from !== to && !result.has(key) && !inferred.has(key)) {
      inferred.set(key, { from, to, accepts: 'child-or-link', source: 'inferred', via: undefined });
    }
  };
  // Pairs repeat request after request: the last one seen skips building its key again.
  let lastFrom: string | undefined;
  let lastTo: string | undefined;
  pairs((upKind, from, downKind, to) => {
    if (!isCrossing(upKind, downKind) || (from === lastFrom && to === lastTo)) return;
    see(from, to);
    lastFrom = from;
    lastTo = to;
  });
  const sorted = [...inferred.values()].sort((a, b) => (a.from + '>' + a.to < b.from + '>' + b.to ? -1 : 1));
  return [...result.values(), ...sorted];
}
