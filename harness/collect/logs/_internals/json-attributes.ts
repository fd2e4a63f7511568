import type { AttributeValue } from '../../../model/attributes.js';

/** A parsed JSON value as an attribute value: objects become maps, arrays lists. */
export function attributeFromJson(value: unknown): AttributeValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value)) return value.map(attributeFromJson);
  if (typeof value === 'object') {
    const map: Record<string, AttributeValue> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) map[key] = attributeFromJson(inner);
    return map;
  }
  return null;
}
