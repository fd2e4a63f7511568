import { explainMatch } from '../dsl/explain-match.js';
import { findSpans } from '../dsl/find-spans.js';
import { matchTrace } from '../dsl/match-trace.js';
import type { SpanCount } from '../dsl/pattern-options.js';
import type { SpanPattern } from '../dsl/span-pattern.js';
import type { SpanNode } from '../forest/span-node.js';
import { listSpans, plural } from './_internals/describe-span.js';
import { summarizeMismatch } from './_internals/divergence-summary.js';
import { failureMessage } from './_internals/failure-message.js';

import { messageUtils } from './_internals/matcher-context.js';
import type { MatcherResult } from './_internals/outcome.js';
import { patternArgument } from './_internals/pattern-argument.js';
import { contextOf, settle, usageError } from './_internals/received.js';
import { renderTree } from './_internals/render-tree.js';
import { countBounds, describeBounds, formatCountArgument } from './_internals/span-count.js';
import { traceSubject } from './_internals/trace-subject.js';

/**
 * Passes when the number of spans matching the pattern (with its children and descendants) is within `count`:
 * a number, `{ atLeast, atMost }` or `'none'`; default at least one.
 */
export function toContainSpan(
  this: unknown,
  received: unknown,
  pattern: SpanPattern | string,
  count?: SpanCount,
): MatcherResult {
  const context = contextOf(this);
  const usage = {
    matcher: 'toContainSpan',
    received: 'trace',
    expected: 'pattern',
    ...(count === undefined ? {} : { secondArgument: 'count' }),
  };
  const expected = patternArgument(context, usage, pattern);
  const bounds = countBounds(count);
  if (typeof bounds === 'string') {
    return usageError(context, { ...usage, problem: bounds, value: `Received: ${formatCountArgument(count!)}` });
  }
  return settle(received, (value) => {
    const subject = traceSubject(context, usage, value);
    const found = findSpans(subject.tree, expected);
    return {
      pass: found.length >= bounds.min && found.length <= bounds.max,
      message: () => {
        // With nothing found, the match engine explains where the pattern stops holding and what came nearest.
        const result =
          found.length === 0 ? matchTrace(subject.tree, expected, { elsewhere: () => subject.others() }) : undefined;
        const matching = `matching ${expected.description}`;
        let wanted = `${describeBounds(bounds)} ${matching}`;
        // "not no span" reads badly; its negation says the same in positive words.
        if (context?.isNot === true) wanted = bounds.max === 0 ? `at least 1 span ${matching}` : `not ${wanted}`;
        const listed = found.length === 0 ? '' : `:\n${listSpans(found.map((node) => node.span))}`;
        const nearest = result?.kind === 'mismatch' ? `\n${summarizeMismatch(result)}` : '';
        const notes = new Map<SpanNode, string>(found.map((node) => [node, 'matches']));
        const tree =
          result?.kind === 'mismatch'
            ? explainMatch(result, subject.tree)
            : renderTree(subject.tree, notes, { highlight: messageUtils(context).RECEIVED_COLOR });
        return failureMessage(context, {
          ...usage,
          lines: [
            { label: 'Expected', text: wanted, side: 'expected' },
            {
              label: 'Received',
              text: `${plural(found.length, 'matching span')}${listed}${nearest}`,
              side: 'received',
            },
          ],
          sections: [tree],
        });
      },
    };
  });
}
