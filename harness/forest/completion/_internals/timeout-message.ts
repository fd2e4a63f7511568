import type { SpanNode } from '../../span-node.js';
import type { TraceTree } from '../../trace-tree.js';

/** What a wait had when its deadline passed, per trace. */
export interface TraceProgress {
  readonly tree: TraceTree;
  readonly conditionMet: boolean;
  /** Milliseconds since a span of this trace last arrived during the wait; undefined when none did. */
  readonly sinceLastSpanMs: number | undefined;
}

/** What the wait was for. */
export interface AwaitedCompletion {
  readonly api: string;
  readonly description: string;
  readonly quietPeriodMs: number;
  readonly timeoutMs: number;
}

const NAMES_SHOWN = 5;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function listNodes(nodes: readonly SpanNode[], describe: (node: SpanNode) => string): string {
  const shown = nodes.slice(0, NAMES_SHOWN).map(describe).join(', ');
  return nodes.length > NAMES_SHOWN ? `${shown} and ${nodes.length - NAMES_SHOWN} more` : shown;
}

function arrival(progress: TraceProgress): string {
  if (progress.sinceLastSpanMs !== undefined) return `last span ${Math.round(progress.sinceLastSpanMs)} ms ago`;
  return progress.tree.spanCount === 0 ? 'no span arrived' : 'no span arrived during the wait';
}

function describeProgress(progress: TraceProgress): string {
  const { tree } = progress;
  const parts = [
    plural(tree.spanCount, 'span'),
    progress.conditionMet ? 'condition met' : 'condition not met',
    arrival(progress),
  ];
  if (tree.roots.length > 0) parts.push(`roots ${listNodes(tree.roots, (node) => JSON.stringify(node.span.name))}`);
  if (tree.orphans.length > 0) {
    const orphan = (node: SpanNode): string =>
      `${JSON.stringify(node.span.name)} (parent ${node.span.parentSpanId} missing)`;
    parts.push(`orphans ${listNodes(tree.orphans, orphan)}`);
  }
  if (tree.cycles.length > 0) parts.push(`${plural(tree.cycles.length, 'parent loop')}`);
  return `  ${tree.traceId}: ${parts.join(', ')}`;
}

/** The TimeoutError message: what was awaited (ids, condition, quiet period), then what each trace had. */
export function timeoutMessage(awaited: AwaitedCompletion, progress: readonly TraceProgress[]): string {
  const subject =
    progress.length === 1
      ? `trace ${progress[0]!.tree.traceId} to satisfy`
      : `${progress.length} traces to each satisfy`;
  const head =
    `${awaited.api}: timed out after ${awaited.timeoutMs} ms waiting for ${subject} ` +
    `${JSON.stringify(awaited.description)} and then stay quiet for ${awaited.quietPeriodMs} ms; it had:`;
  return [head, ...progress.map(describeProgress)].join('\n');
}
