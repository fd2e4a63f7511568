import type { SpanNode } from '../../forest/span-node.js';
import type { TraceTree } from '../../forest/trace-tree.js';
import type { MatchSuccess } from '../match-result.js';
import { nodeText, renderPattern } from './render-pattern.js';
import { renderTree } from './render-tree.js';
import { pathKey } from './pattern-nodes.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The explanation of a match (what `.not` reports): the pattern with span counts, the tree with bound spans. */
export function renderMatch(result: MatchSuccess, tree: TraceTree): string {
  const patternNotes = new Map<string, string>();
  const spanNotes = new Map<SpanNode, string>();
  for (const binding of result.bindings) {
    patternNotes.set(pathKey(binding.path), `✓ ${plural(binding.spans.length, 'span')}`);
    const text = `✓ ${nodeText(binding.pattern, 'top')}`;
    for (const node of binding.spans) {
      const note = spanNotes.get(node);
      spanNotes.set(node, note === undefined ? `← ${text}` : `${note}, ${text}`);
    }
  }
  const top = result.bindings[0]!.spans[0]!;
  return [
    `trace ${result.traceId}: the pattern matches at span ${top.span.spanId}`,
    '',
    'Expected:',
    ...renderPattern(result.pattern, patternNotes).map((line) => `  ${line}`),
    '',
    `Received (${plural(tree.spanCount, 'span')}):`,
    ...renderTree(tree, { notes: spanNotes, extraChildren: new Map() }).map((line) => `  ${line}`),
  ].join('\n');
}
