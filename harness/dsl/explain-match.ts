import { InvalidArgumentError } from '../errors.js';
import type { TraceTree } from '../forest/trace-tree.js';
import type { MatchResult } from './match-result.js';
import { renderMatch } from './_internals/render-match.js';
import { renderMismatch } from './_internals/render-mismatch.js';

/**
 * Renders a match result as plain text (no colours): the expected pattern, the actual tree with the divergence
 * (or the bound spans) marked, and the nearest candidates. `tree` is the tree the result was computed from.
 */
export function explainMatch(result: MatchResult, tree: TraceTree): string {
  if (result?.kind !== 'match' && result?.kind !== 'mismatch') {
    throw new InvalidArgumentError('tracegate.explainMatch(): result must come from matchTrace()');
  }
  if (tree?.traceId !== result.traceId) {
    throw new InvalidArgumentError(
      `tracegate.explainMatch(): the result is for trace ${result.traceId}, the tree is trace ${String(tree?.traceId)}`,
    );
  }
  return result.kind === 'match' ? renderMatch(result, tree) : renderMismatch(result, tree);
}
