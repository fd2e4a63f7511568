import type { SpanNode } from '../../forest/span-node.js';
import type { TraceTree } from '../../forest/trace-tree.js';
import type { LogRecord } from '../../model/log.js';
import { SPAN_KINDS } from '../../model/span.js';
import { mentionedKey } from './request-keys.js';

/** What is wrong with one log of the request. */
export type LogProblem =
  /** It carries another trace's id: context of another request leaked into this one's work. */
  | { readonly kind: 'leaked'; readonly log: LogRecord; readonly mentions: string }
  /** It carries no trace id at all, though it mentions this request. */
  | { readonly kind: 'uncorrelated'; readonly log: LogRecord; readonly mentions: string }
  /** It carries this trace's id but no span id. */
  | { readonly kind: 'no-span'; readonly log: LogRecord }
  /** Its span id names no span of this trace. */
  | { readonly kind: 'unknown-span'; readonly log: LogRecord }
  /** Its span belongs to another service than the one that wrote the log. */
  | { readonly kind: 'wrong-service'; readonly log: LogRecord; readonly node: SpanNode };

/** The logs of one request, sorted into those correlated correctly and those with a problem. */
export interface LogCorrelation {
  /** Logs that carry this trace's id or mention one of its request keys. */
  readonly requestLogs: number;
  readonly correlated: readonly { readonly log: LogRecord; readonly node: SpanNode }[];
  readonly problems: readonly LogProblem[];
}

function mentions(log: LogRecord, keys: readonly string[]): string | undefined {
  return mentionedKey(log.body, keys) ?? mentionedKey(log.attributes, keys);
}

/** Every node with this span id: one id can stand for two spans of different kinds (Zipkin B3 shared spans). */
function nodesWithId(tree: TraceTree, spanId: string): SpanNode[] {
  const nodes: SpanNode[] = [];
  for (const kind of SPAN_KINDS) {
    const node = tree.node(spanId, kind);
    if (node !== undefined) nodes.push(node);
  }
  return nodes;
}

/**
 * Sorts `logs` for `tree`. A log belongs to the request when it carries the trace id or mentions a request key in
 * its body or attributes; such a log must carry the trace id and the id of a span of the log's own service.
 */
export function correlateLogs(tree: TraceTree, logs: readonly LogRecord[], keys: readonly string[]): LogCorrelation {
  const correlated: { log: LogRecord; node: SpanNode }[] = [];
  const problems: LogProblem[] = [];
  for (const log of logs) {
    const traceId = log.traceId.toLowerCase();
    if (traceId !== tree.traceId) {
      const mentioned = mentions(log, keys);
      if (mentioned === undefined) continue; // another request's log
      problems.push({ kind: traceId === '' ? 'uncorrelated' : 'leaked', log, mentions: mentioned });
      continue;
    }
    if (log.spanId === '') {
      problems.push({ kind: 'no-span', log });
      continue;
    }
    const nodes = nodesWithId(tree, log.spanId.toLowerCase());
    const own = nodes.find((node) => node.span.resource.serviceName === log.service);
    if (own !== undefined) correlated.push({ log, node: own });
    else if (nodes[0] !== undefined) problems.push({ kind: 'wrong-service', log, node: nodes[0] });
    else problems.push({ kind: 'unknown-span', log });
  }
  return { requestLogs: correlated.length + problems.length, correlated, problems };
}
