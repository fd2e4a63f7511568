import type { Shape } from '../../../harness/report/_internals/shape.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A copy of `value` ready for JSON.stringify: object keys in the order `shape` declares them, then any others
 * alphabetically (attribute maps have no declared order, so they come out sorted); bigints as decimal strings.
 */
export function canonicalOrder(value: unknown, shape: Shape<unknown> | undefined): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) => canonicalOrder(item, shape?.member?.(value, String(index))));
  }
  if (!isPlainObject(value)) return value;
  const declared = (shape?.fieldOrder?.(value) ?? []).filter((key) => Object.hasOwn(value, key));
  const known = new Set(declared);
  const others = Object.keys(value)
    .filter((key) => !known.has(key))
    .sort();
  const ordered: Record<string, unknown> = {};
  for (const key of [...declared, ...others]) {
    // defineProperty, not assignment: a service may name an attribute "__proto__", and it must stay a plain key.
    const member = canonicalOrder(value[key], shape?.member?.(value, key));
    Object.defineProperty(ordered, key, { value: member, enumerable: true, writable: true, configurable: true });
  }
  return ordered;
}
