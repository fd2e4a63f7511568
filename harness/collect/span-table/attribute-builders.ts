import type { AttributeValue, Attributes } from '../../model/attributes.js';

/** Builds an attribute map from consecutive values of `values` starting at `at`. */
export type AttributeBuilder = (values: readonly unknown[], at: number) => Attributes;

/** The attribute map with these keys and the values from `at` on, built key by key (no compiling). */
export function buildAttributes(keys: readonly string[], values: readonly unknown[], at: number): Attributes {
  const attributes: Record<string, AttributeValue> = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = values[at + i] as AttributeValue;
    // a wire key `__proto__` must become an own property, not the prototype
    if (key === '__proto__')
      Object.defineProperty(attributes, key, { value, enumerable: true, writable: true, configurable: true });
    else attributes[key] = value;
  }
  return attributes;
}

// Builders by key list, shared by every table: each store has its own shapes, but compiling costs far more than
// this lookup. Bounded like the string interner: when full it starts over.
const compiled = new Map<string, AttributeBuilder>();
const MAX_COMPILED = 4096;

/**
 * A function returning one object literal with these keys: V8 creates it with a fixed layout in one step, about
 * six times faster than setting keys one by one, which matters when a million spans are read back. Keys are
 * emitted through JSON.stringify, so any key from the wire is a string literal and never code; `__proto__` is
 * written as a computed key, which defines an own property instead of setting the prototype.
 */
export function compiledBuilder(keys: readonly string[]): AttributeBuilder {
  const signature = JSON.stringify(keys);
  let build = compiled.get(signature);
  if (build === undefined) {
    const entries = keys.map((key, i) => {
      const literal = JSON.stringify(key);
      return `${key === '__proto__' ? `[${literal}]` : literal}: values[at + ${i}]`;
    });
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from escaped literals, see above
    build = new Function('values', 'at', `'use strict'; return { ${entries.join(', ')} };`) as AttributeBuilder;
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(signature, build);
  }
  return build;
}
