import type { AttributeMap, AttributeValue } from '../../model/attributes.js';

const isNumeric = (value: unknown): value is number | bigint => typeof value === 'number' || typeof value === 'bigint';

/**
 * Exact attribute equality. Numbers and bigints compare by value, because OTLP integers decode to a number when
 * they fit and to a bigint when they do not; arrays, bytes and maps compare element by element.
 */
export function attributeEquals(expected: AttributeValue, actual: AttributeValue): boolean {
  if (expected === actual) return true;
  // Loose equality compares a bigint with a number mathematically; neither side can be a string here.
  if (isNumeric(expected) && isNumeric(actual)) return expected == actual;
  if (typeof expected !== 'object' || typeof actual !== 'object' || expected === null || actual === null) return false;
  if (expected instanceof Uint8Array || actual instanceof Uint8Array) {
    return (
      expected instanceof Uint8Array &&
      actual instanceof Uint8Array &&
      expected.length === actual.length &&
      expected.every((byte, i) => byte === actual[i])
    );
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual) || expected.length !== actual.length) return false;
    return expected.every((item: AttributeValue, i) => attributeEquals(item, actual[i] as AttributeValue));
  }
  // Array.isArray does not narrow readonly arrays away, so both sides are maps from here on.
  const [expectedMap, actualMap] = [expected as AttributeMap, actual as AttributeMap];
  const keys = Object.keys(expectedMap);
  if (keys.length !== Object.keys(actualMap).length) return false;
  return keys.every((key) => Object.hasOwn(actualMap, key) && attributeEquals(expectedMap[key]!, actualMap[key]!));
}
