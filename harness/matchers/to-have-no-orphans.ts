import type { SpanNode } from '../forest/span-node.js';
import { describeSpan, plural } from './_internals/describe-span.js';
import { failureMessage } from './_internals/failure-message.js';
import { messageUtils } from './_internals/matcher-context.js';
import type { MatcherResult } from './_internals/outcome.js';
import { contextOf, settle } from './_internals/received.js';
import { requireTree } from './_internals/trace-subject.js';
import { renderTree } from './_internals/render-tree.js';

const USAGE = { matcher: 'toHaveNoOrphans', received: 'trace', expected: '' } as const;

/** Passes when every span of the trace whose parent span id is set found that parent in the trace. */
export function toHaveNoOrphans(this: unknown, received: unknown): MatcherResult {
  const context = contextOf(this);
  return settle(received, (value) => {
    const tree = requireTree(context, USAGE, value);
    const orphans = tree.orphans;
    return {
      pass: orphans.length === 0,
      message: () => {
        const utils = messageUtils(context);
        // The tree already says which parent never arrived; the mark only points at the line.
        const notes = new Map<SpanNode, string>(orphans.map((node) => [node, '']));
        const listed = orphans.map(
          (node) => `${describeSpan(node.span)} names parent ${node.span.parentSpanId}, which never arrived`,
        );
        const received =
          orphans.length === 0
            ? `no orphans among ${plural(tree.spanCount, 'span')}`
            : `${plural(orphans.length, 'orphan')} among ${plural(tree.spanCount, 'span')}:\n${listed.join('\n')}`;
        return failureMessage(context, {
          ...USAGE,
          lines: [
            {
              label: 'Expected',
              text: context?.isNot === true ? 'at least one orphan span' : 'no orphan spans',
              side: 'expected',
            },
            { label: 'Received', text: received, side: 'received' },
          ],
          sections: [renderTree(tree, notes, { highlight: utils.RECEIVED_COLOR })],
        });
      },
    };
  });
}
