import type { SpanNode } from '../forest/span-node.js';
import type { TraceTree } from '../forest/trace-tree.js';
import type { SpanRecord } from '../model/span.js';
import { describeSpan, plural } from './_internals/describe-span.js';
import type { ErrorRecording } from './_internals/error-recording.js';
import { EXCEPTION_ATTRIBUTES, describeRecording, errorRecording, recordsError } from './_internals/error-recording.js';
import { failureMessage } from './_internals/failure-message.js';
import type { MatcherContextLike } from './_internals/matcher-context.js';
import { messageUtils } from './_internals/matcher-context.js';
import type { MatcherOutcome, MatcherResult } from './_internals/outcome.js';
import { contextOf, describeValue, isTraceTree, settle, usageError } from './_internals/received.js';
import { requireTree } from './_internals/trace-subject.js';
import { renderTree } from './_internals/render-tree.js';

const MATCHER = 'toHaveRecordedError';
const COMPLETE_EVENT = `an "exception" event with ${EXCEPTION_ATTRIBUTES.slice(0, -1).join(', ')} and ${EXCEPTION_ATTRIBUTES.at(-1)!}`;

function isSpanRecord(value: unknown): value is SpanRecord {
  const span = value as Partial<SpanRecord> | null;
  return (
    typeof span === 'object' &&
    span !== null &&
    typeof span.spanId === 'string' &&
    typeof span.status === 'object' &&
    Array.isArray(span.events)
  );
}

function judgeSpan(context: MatcherContextLike | undefined, span: SpanRecord): MatcherOutcome {
  const recording = errorRecording(span);
  return {
    pass: recordsError(recording),
    message: () =>
      failureMessage(context, {
        matcher: MATCHER,
        received: 'span',
        expected: '',
        lines: [
          {
            label: 'Expected',
            text:
              context?.isNot === true
                ? `not both ERROR status and ${COMPLETE_EVENT}`
                : `ERROR status and ${COMPLETE_EVENT}`,
            side: 'expected',
          },
          { label: 'Received', text: `${describeSpan(span)}\n${describeRecording(recording)}`, side: 'received' },
        ],
      }),
  };
}

function judgeTree(context: MatcherContextLike | undefined, tree: TraceTree): MatcherOutcome {
  const recordings = [...tree.walk()].map((node) => ({ node, recording: errorRecording(node.span) }));
  const failing = recordings.filter(({ recording }) => recording.errorStatus);
  const incomplete = failing.filter(({ recording }) => !recordsError(recording));
  return {
    pass: failing.length > 0 && incomplete.length === 0,
    message: () => {
      // Spans with an exception event but no ERROR status are the usual reason a trace shows no failure at all.
      const unflagged =
        failing.length > 0 ? [] : recordings.filter(({ recording }) => recording.exception !== undefined);
      const shown = failing.length > 0 ? failing : unflagged;
      const notes = new Map<SpanNode, string>(shown.map(({ node, recording }) => [node, describeRecording(recording)]));
      return failureMessage(context, {
        matcher: MATCHER,
        received: 'trace',
        expected: '',
        lines: [
          {
            label: 'Expected',
            text:
              context?.isNot === true
                ? `no span with ERROR status, or one without ${COMPLETE_EVENT}`
                : `at least one span with ERROR status, each with ${COMPLETE_EVENT}`,
            side: 'expected',
          },
          { label: 'Received', text: summarize(tree, failing.length, incomplete, unflagged.length), side: 'received' },
        ],
        sections: [renderTree(tree, notes, { highlight: messageUtils(context).RECEIVED_COLOR })],
      });
    },
  };
}

function summarize(
  tree: TraceTree,
  failing: number,
  incomplete: readonly { node: SpanNode; recording: ErrorRecording }[],
  unflagged: number,
): string {
  if (failing === 0) {
    const hint =
      unflagged === 0 ? '' : `; ${plural(unflagged, 'span has', 'spans have')} an "exception" event without it`;
    return `no span with ERROR status among ${plural(tree.spanCount, 'span')}${hint}`;
  }
  const head = `${plural(failing, 'span')} with ERROR status`;
  if (incomplete.length === 0) return `${head}, each with a complete "exception" event`;
  const listed = incomplete.map(({ recording }) => `${describeSpan(recording.span)}: ${describeRecording(recording)}`);
  return `${head}, ${incomplete.length} of them without a complete "exception" event:\n${listed.join('\n')}`;
}

/**
 * For a span (SpanRecord or SpanNode): ERROR status and a complete `exception` event (type, message, stacktrace).
 * For a trace: at least one span has ERROR status, and every span with ERROR status has a complete `exception` event.
 */
export function toHaveRecordedError(this: unknown, received: unknown): MatcherResult {
  const context = contextOf(this);
  return settle(received, (value) => {
    if (isTraceTree(value) || isTraceTree((value as { tree?: unknown } | null)?.tree)) {
      return judgeTree(context, requireTree(context, { matcher: MATCHER, received: 'trace', expected: '' }, value));
    }
    if (isSpanRecord(value)) return judgeSpan(context, value);
    if (isSpanRecord((value as Partial<SpanNode> | null)?.span)) return judgeSpan(context, (value as SpanNode).span);
    return usageError(context, {
      matcher: MATCHER,
      received: 'received',
      expected: '',
      problem: 'received value must be a span (SpanRecord or SpanNode) or a TraceTree',
      value: describeValue(value),
    });
  });
}
