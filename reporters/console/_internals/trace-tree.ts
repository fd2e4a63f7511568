import type { ReportSpan, ReportTrace } from '../../../harness/report/report-trace.js';
import { nanos } from './durations.js';
import type { Line, Segment } from './segments.js';
import { seg } from './segments.js';

/** Most spans drawn per trace; a failure needs the shape around the break, not every span of a large trace. */
export const MAX_TREE_SPANS = 40;

/** Lines drawn under a span (`spanId`), or under the whole trace (`spanId` null) when it has no such span. */
export interface TreeMarker {
  readonly spanId: string | null;
  readonly line: Line;
}

function spanLine(span: ReportSpan, note: Segment | undefined): Segment[] {
  const status =
    span.status === 'error'
      ? seg(span.statusMessage === '' ? 'ERROR' : `ERROR: ${span.statusMessage}`, 'bad')
      : seg(span.status, span.status === 'ok' ? 'good' : 'dim');
  return [
    seg(`${span.kind} `, 'dim'),
    seg(JSON.stringify(span.name), 'strong'),
    seg(` (${span.service}, `),
    seg(`+${nanos(span.startOffsetNs)}`, 'dim'),
    seg(', '),
    seg(nanos(span.durationNs), span.durationNs < 0 ? 'bad' : 'plain'),
    seg(', '),
    status,
    seg(')'),
    ...(note === undefined ? [] : [note]),
  ];
}

/**
 * The trace as an indented tree, earliest child first: one line per span (kind, name, service, start offset,
 * duration, status) with `markers` drawn under the span they name; spans whose parent is not in the trace are
 * drawn as roots and say so, but for the first (its parent is normally the caller's span). At most `maxSpans` spans are drawn; a last line counts the rest.
 */
export function traceTree(trace: ReportTrace, markers: readonly TreeMarker[], maxSpans = MAX_TREE_SPANS): Line[] {
  const ids = new Set(trace.spans.map((span) => span.spanId));
  const children = new Map<string, ReportSpan[]>();
  const roots: ReportSpan[] = [];
  for (const span of trace.spans) {
    if (span.parentSpanId === '' || !ids.has(span.parentSpanId)) roots.push(span);
    else children.set(span.parentSpanId, [...(children.get(span.parentSpanId) ?? []), span]);
  }
  const under = new Map<string | null, Line[]>();
  for (const marker of markers) {
    const key = marker.spanId !== null && ids.has(marker.spanId) ? marker.spanId : null;
    under.set(key, [...(under.get(key) ?? []), marker.line]);
  }
  const lines: Line[] = [];
  const drawnIds = new Set<string>();
  let drawn = 0;
  // An explicit stack instead of recursion: a chain of a thousand spans must not exhaust the call stack.
  const stack: { span: ReportSpan; prefix: string; last: boolean; root: boolean; first?: boolean }[] = roots
    .map((span, index) => ({ span, prefix: '', last: index === roots.length - 1, root: true, first: index === 0 }))
    .reverse();
  while (stack.length > 0 && drawn < maxSpans) {
    const { span, prefix, last, root, first } = stack.pop()!;
    drawn++;
    drawnIds.add(span.spanId);
    const branch = root ? '' : last ? '└─ ' : '├─ ';
    const orphan =
      // The first root's parent is normally the caller's span (tracegate's injected one), which never arrives.
      root && first !== true && span.parentSpanId !== ''
        ? seg(`  (parent ${span.parentSpanId} not in the trace)`, 'warn')
        : undefined;
    lines.push([seg(prefix + branch, 'dim'), ...spanLine(span, orphan)]);
    const inner = root ? '' : prefix + (last ? '   ' : '│  ');
    const kids = children.get(span.spanId) ?? [];
    const notes = under.get(span.spanId) ?? [];
    for (const note of notes) lines.push([seg(inner + (kids.length > 0 ? '│  ' : '   '), 'dim'), ...note]);
    for (let index = kids.length - 1; index >= 0; index--) {
      stack.push({ span: kids[index]!, prefix: inner, last: index === kids.length - 1, root: false });
    }
  }
  const hidden = trace.spans.length - drawn + trace.omittedSpans;
  if (hidden > 0) lines.push([seg(`… ${hidden} more span${hidden === 1 ? '' : 's'} not drawn`, 'dim')]);
  // Markers of spans beyond the cap still show, after the tree.
  for (const [spanId, notes] of under) if (spanId === null || !drawnIds.has(spanId)) lines.push(...notes);
  return lines;
}
