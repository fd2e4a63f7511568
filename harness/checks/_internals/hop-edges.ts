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

/** Declared edges, then (when inferring) the client→server and producer→consumer pairs of the service graph. */
export function edgesToJudge(context: CheckContext): EdgeToJudge[] {
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
  const index = context.index();
  for (const segment of index.segments) {
    const parent = segment.top.parent;
    if (parent !== undefined && isCrossing(parent.span.kind, segment.top.span.kind)) {
      see(parent.span.resource.serviceName, segment.service);
    }
  }
  for (const node of index.linking) {
    for (const { target } of node.links) {
      if (target !== undefined && isCrossing(target.kind, node.span.kind)) {
        see(target.resource.serviceName, node.span.resource.serviceName);
      }
    }
  }
  const sorted = [...inferred.values()].sort((a, b) => (a.from + '>' + a.to < b.from + '>' + b.to ? -1 : 1));
  return [...result.values(), ...sorted];
}
