import type { AttributeValue, Attributes } from '../../model/attributes.js';
import { absent, present } from '../pattern-options.js';
import type { AttributeConstraint } from '../span-pattern.js';
import { attributeEquals } from './attribute-equality.js';

/** True when the attributes satisfy one constraint. A RegExp tests strings, numbers, booleans and bigints as text. */
export function attributeHolds(constraint: AttributeConstraint, attributes: Attributes): boolean {
  const { expected } = constraint;
  const actual: AttributeValue | undefined = Object.hasOwn(attributes, constraint.key)
    ? attributes[constraint.key]
    : undefined;
  if (expected === absent) return actual === undefined;
  if (actual === undefined) return false;
  if (expected === present) return true;
  if (expected instanceof RegExp) {
    const scalar = typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean';
    return (scalar || typeof actual === 'bigint') && expected.test(String(actual));
  }
  if (typeof expected === 'function') return expected(actual);
  return attributeEquals(expected, actual);
}

/** True when the attributes satisfy every constraint. */
export function attributesHold(constraints: readonly AttributeConstraint[], attributes: Attributes): boolean {
  for (const constraint of constraints) if (!attributeHolds(constraint, attributes)) return false;
  return true;
}
