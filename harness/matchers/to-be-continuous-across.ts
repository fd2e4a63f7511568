import type { SpanNode } from '../forest/span-node.js';
import { describeSpan } from './_internals/describe-span.js';
import { failureMessage } from './_internals/failure-message.js';
import type { Hop, HopSpec } from './_internals/hop.js';
import { parseHop } from './_internals/hop.js';
import type { HopBreak, HopVerdict } from './_internals/hop-continuity.js';
import { judgeHop } from './_internals/hop-continuity.js';
import type { MatcherContextLike } from './_internals/matcher-context.js';
import { messageUtils } from './_internals/matcher-context.js';
import type { MatcherResult } from './_internals/outcome.js';
import { contextOf, settle } from './_internals/received.js';
import { renderTree } from './_internals/render-tree.js';
import type { TraceSubject } from './_internals/trace-subject.js';
import { traceSubject } from './_internals/trace-subject.js';

const USAGE = { matcher: 'toBeContinuousAcross', received: 'trace', expected: 'hop' } as const;

const VIA_WORDS = {
  child: 'as a child at any depth',
  link: 'by a span link to it',
  either: 'as a child at any depth or by a span link to it',
} as const;

function describeBreak(broken: HopBreak): string {
  const span = describeSpan(broken.node.span);
  switch (broken.kind) {
    case 'orphaned':
      return `orphaned: ${span} sits below a span whose parent ${broken.missingParentId} never arrived`;
    case 'detached':
      return `detached: ${span} is in this trace but below no upstream span`;
    case 'child-not-allowed':
      return `child, but this hop must continue by a link: ${span} is below ${describeSpan(broken.upstream.span)}`;
    case 'link-not-allowed':
      return `link, but this hop must continue as a child: ${span} in trace ${broken.tree.traceId} links to ${describeSpan(broken.upstream.span)}`;
    case 'restarted':
      return `restarted: ${span} is in trace ${broken.tree.traceId}, with no link back to this trace`;
  }
}

function brokenText(verdict: Extract<HopVerdict, { kind: 'broken' }>, hop: Hop): string {
  if (verdict.upstream.length === 0) return `no upstream span: nothing in this trace matches ${hop.from.description}`;
  const upstream =
    verdict.upstream.length === 1
      ? `upstream: ${describeSpan(verdict.upstream[0]!.span)}`
      : `upstream: ${verdict.upstream.length} spans match ${hop.from.description}`;
  if (verdict.breaks.length === 0)
    return `${upstream}\nmissing: no span matches ${hop.to.description} in this trace or any other known trace`;
  return [upstream, ...verdict.breaks.map(describeBreak)].join('\n');
}

function continuousText(verdict: Extract<HopVerdict, { kind: 'continuous' }>): string {
  const down = describeSpan(verdict.downstream.span);
  const up = describeSpan(verdict.upstream.span);
  if (verdict.via === 'child') return `continued as a child: ${down} is below ${up}`;
  return `continued by a link: ${down} in trace ${verdict.downstreamTree.traceId} links to ${up}`;
}

function sections(context: MatcherContextLike | undefined, subject: TraceSubject, verdict: HopVerdict): string[] {
  const highlight = messageUtils(context).RECEIVED_COLOR;
  if (verdict.kind === 'continuous') {
    const notes = new Map<SpanNode, string>([[verdict.upstream, 'upstream']]);
    if (verdict.downstreamTree === subject.tree) {
      notes.set(verdict.downstream, `continues it (${verdict.via})`);
      return [renderTree(subject.tree, notes, { highlight })];
    }
    const linking = new Map([[verdict.downstream, `links to ${verdict.upstream.span.spanId}`]]);
    return [renderTree(subject.tree, notes, { highlight }), renderTree(verdict.downstreamTree, linking, { highlight })];
  }
  const notes = new Map<SpanNode, string>();
  for (const broken of verdict.breaks) {
    // Those two sit in other traces; the first restarted one gets a tree of its own below.
    if (broken.kind !== 'restarted' && broken.kind !== 'link-not-allowed') notes.set(broken.node, broken.kind);
  }
  const drawn = [renderTree(subject.tree, notes, { highlight })];
  // The most likely restarted hop is drawn in its own trace, so the reader sees where the work went.
  const restarted = verdict.breaks.find((broken) => broken.kind === 'restarted');
  if (restarted !== undefined) {
    drawn.push(renderTree(restarted.tree, new Map([[restarted.node, 'restarted here']]), { highlight }));
  }
  return drawn;
}

/**
 * Passes when a span matching `hop.to` continues this trace from a span matching `hop.from`: below it at any depth,
 * or through a span link to it (in this trace or another), as `hop.via` allows. `"api>worker"` names services.
 */
export function toBeContinuousAcross(this: unknown, received: unknown, hop: HopSpec): MatcherResult {
  const context = contextOf(this);
  const parsed = parseHop(context, USAGE, hop);
  return settle(received, (value) => {
    const subject = traceSubject(context, USAGE, value);
    const verdict = judgeHop(subject, parsed);
    return {
      pass: verdict.kind === 'continuous',
      message: () => {
        const some = context?.isNot === true ? 'no span' : 'a span';
        const wanted = `${some} matching ${parsed.to.description} continuing trace ${subject.tree.traceId} from a span matching ${parsed.from.description}, ${VIA_WORDS[parsed.via]}`;
        return failureMessage(context, {
          ...USAGE,
          lines: [
            { label: 'Expected', text: wanted, side: 'expected' },
            {
              label: 'Received',
              text: verdict.kind === 'continuous' ? continuousText(verdict) : brokenText(verdict, parsed),
              side: 'received',
            },
          ],
          sections: sections(context, subject, verdict),
        });
      },
    };
  });
}
