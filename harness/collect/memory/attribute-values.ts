import type { AttributeValue, Attributes } from '../../model/attributes.js';
import { EMPTY_ATTRIBUTES } from '../../model/attributes.js';

/**
 * An SDK attribute value as tracegate's record holds it. `undefined` and `null` become null (an empty AnyValue),
 * objects become kvlists: the same values the OTLP exporters would put on the wire.
 */
export function toAttributeValue(value: unknown): AttributeValue {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return value;
    case 'object':
      if (value === null) return null;
      if (value instanceof Uint8Array) return value;
      if (Array.isArray(value)) return value.map(toAttributeValue);
      return toAttributes(value as Readonly<Record<string, unknown>>);
    default:
      return null;
  }
}

/** A fresh attribute map of converted values; the shared empty map when there are none. */
export function toAttributes(attributes: Readonly<Record<string, unknown>> | undefined): Attributes {
  if (attributes === undefined) return EMPTY_ATTRIBUTES;
  const keys = Object.keys(attributes);
  if (keys.length === 0) return EMPTY_ATTRIBUTES;
  // fromEntries defines own properties, so a key named "__proto__" stays an attribute instead of a prototype.
  return Object.fromEntries(keys.map((key) => [key, toAttributeValue(attributes[key])]));
}
