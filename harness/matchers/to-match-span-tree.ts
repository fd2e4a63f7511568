import { explainMatch } from '../dsl/explain-match.js';
import { matchTrace } from '../dsl/match-trace.js';
import type { SpanPattern } from '../dsl/span-pattern.js';
import { listSpans } from './_internals/describe-span.js';
import { summarizeMismatch } from './_internals/divergence-summary.js';
import { failureMessage } from './_internals/failure-message.js';
import type { MatcherResult } from './_internals/outcome.js';
import { patternArgument } from './_internals/pattern-argument.js';
import { contextOf, settle } from './_internals/received.js';
import { traceSubject } from './_internals/trace-subject.js';

const USAGE = { matcher: 'toMatchSpanTree', received: 'trace', expected: 'pattern' } as const;

/**
 * Passes when the pattern matches the trace (see harness/dsl). On a mismatch the message shows the tree with the
 * divergence marked and the nearest candidate, including one in another trace when the store is known.
 */
export function toMatchSpanTree(this: unknown, received: unknown, pattern: SpanPattern | string): MatcherResult {
  const context = contextOf(this);
  const expected = patternArgument(context, USAGE, pattern);
  return settle(received, (value) => {
    const subject = traceSubject(context, USAGE, value);
    const result = matchTrace(subject.tree, expected, { elsewhere: () => subject.others() });
    return {
      pass: result.kind === 'match',
      message: () => {
        const receivedText =
          result.kind === 'match'
            ? `trace ${result.traceId} matches it at:\n${listSpans((result.bindings[0]?.spans ?? []).map((node) => node.span))}`
            : `trace ${result.traceId} does not match: ${summarizeMismatch(result)}`;
        return failureMessage(context, {
          ...USAGE,
          lines: [
            {
              label: 'Expected',
              text: `${context?.isNot === true ? 'not ' : ''}${expected.description}`,
              side: 'expected',
            },
            { label: 'Received', text: receivedText, side: 'received' },
          ],
          sections: [explainMatch(result, subject.tree)],
        });
      },
    };
  });
}
