import { InvalidArgumentError } from '../errors.js';
import type { HopVia } from '../report/report-checks.js';

/** One declared edge between services. */
export interface EdgeSpec {
  readonly from: string;
  readonly to: string;
  /** Default `'child-or-link'`. */
  readonly accepts?: 'child' | 'child-or-link';
  /** Default: read from the spans of the hop (messaging, http, rpc), else `other`. */
  readonly via?: HopVia;
}

const EDGE = /^\s*([^\s>:]+)\s*>\s*([^\s>:]+)\s*(?::\s*([a-z-]+)\s*)?$/;
const VIAS: readonly HopVia[] = ['http', 'rpc', 'messaging', 'outbox', 'job', 'other'];

/** Reads `api>worker` or `api>worker:child` (the `--hop` syntax), or checks an EdgeSpec. */
export function parseEdge(edge: string | EdgeSpec): EdgeSpec {
  const API = 'tracegate.parseEdge()';
  if (typeof edge === 'string') {
    const parts = /[-=]>/.test(edge) ? null : EDGE.exec(edge);
    if (parts === null) {
      throw new InvalidArgumentError(
        `${API}: edge ${JSON.stringify(edge)} must read "from>to" with service names, optionally ending in :child`,
      );
    }
    const suffix = parts[3];
    if (suffix !== undefined && suffix !== 'child') {
      // A link-only edge has no place in the report (HopEdge.accepts); the matcher toBeContinuousAcross has one.
      throw new InvalidArgumentError(`${API}: edge ${JSON.stringify(edge)}: the only suffix is :child, got :${suffix}`);
    }
    return parseEdge({ from: parts[1]!, to: parts[2]!, accepts: suffix === 'child' ? 'child' : 'child-or-link' });
  }
  if (typeof edge !== 'object' || edge === null || typeof edge.from !== 'string' || typeof edge.to !== 'string') {
    throw new InvalidArgumentError(`${API}: an edge must be "from>to" or { from, to, accepts?, via? }`);
  }
  if (edge.from === '' || edge.to === '' || edge.from === edge.to) {
    throw new InvalidArgumentError(`${API}: an edge needs two different service names, got ${edge.from}>${edge.to}`);
  }
  if (edge.accepts !== undefined && edge.accepts !== 'child' && edge.accepts !== 'child-or-link') {
    throw new InvalidArgumentError(`${API}: accepts must be "child" or "child-or-link", got ${String(edge.accepts)}`);
  }
  if (edge.via !== undefined && !VIAS.includes(edge.via)) {
    throw new InvalidArgumentError(`${API}: via must be one of ${VIAS.join(', ')}, got ${String(edge.via)}`);
  }
  return edge;
}
