import type { TraceTree } from '../../forest/trace-tree.js';
import type { AttributeValue } from '../../model/attributes.js';

/** The span attribute holding the harness's request id (the `tracegate.req` baggage entry, copied onto spans). */
export const REQUEST_ID_ATTRIBUTE = 'tracegate.req';

/**
 * Text that identifies this trace's request wherever it appears: its trace id, every `tracegate.req` value on its
 * spans, and the keys the caller adds.
 */
export function requestKeys(tree: TraceTree, extra: readonly string[]): string[] {
  const keys = new Set<string>([tree.traceId, ...extra.filter((key) => key !== '')]);
  for (const node of tree.walk()) {
    const id = node.span.attributes[REQUEST_ID_ATTRIBUTE];
    if (typeof id === 'string' && id !== '') keys.add(id);
  }
  return [...keys];
}

/**
 * The first key that some string inside `value` (at any nesting) contains, ignoring case (hex ids are written
 * both ways), or that a number equals; undefined when none is mentioned.
 */
export function mentionedKey(value: AttributeValue, keys: readonly string[]): string | undefined {
  const lowerKeys = keys.map((key) => key.toLowerCase());
  const stack: AttributeValue[] = [value];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next === 'string') {
      const lower = next.toLowerCase();
      const index = lowerKeys.findIndex((key) => lower.includes(key));
      if (index !== -1) return keys[index];
    } else if (typeof next === 'number' || typeof next === 'bigint') {
      const text = String(next);
      const found = keys.find((key) => key === text);
      if (found !== undefined) return found;
    } else if (Array.isArray(next)) {
      stack.push(...(next as readonly AttributeValue[]));
    } else if (next !== null && typeof next === 'object' && !(next instanceof Uint8Array)) {
      stack.push(...Object.values(next));
    }
  }
  return undefined;
}
