import type { AttributeValue } from '../../../model/attributes.js';

/** A map under construction; decoders freeze nothing, they only stop writing once the record is built. */
export type MutableAttributes = Record<string, AttributeValue>;

/**
 * Sets one attribute. Keys come from the wire, so `__proto__` must become an own property instead of
 * replacing the object's prototype.
 */
export function setAttribute(target: MutableAttributes, key: string, value: AttributeValue): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** Shared empty array value, as empty kvlists share EMPTY_ATTRIBUTES. */
export const EMPTY_ARRAY_VALUE: readonly AttributeValue[] = Object.freeze([]);

/** AnyValue may nest arrays and kvlists; deeper than this is refused instead of exhausting the stack. */
export const MAX_ANY_VALUE_DEPTH = 64;
