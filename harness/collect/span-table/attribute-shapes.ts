import { EMPTY_ATTRIBUTES } from '../../model/attributes.js';
import type { AttributeValue, Attributes } from '../../model/attributes.js';
import { AttributeShape } from './attribute-shape.js';

/** Shape id of spans without attributes. */
export const EMPTY_SHAPE = 0;
/** Shape id of spans whose attribute map is kept as it is (one value: the map). */
export const VERBATIM_SHAPE = 1;

/** Most trie nodes kept: a flood of distinct key lists costs bounded memory, later ones are kept verbatim. */
const MAX_SHAPES = 8192;
/** Longer key lists are kept verbatim: they are rare, and a span's values must fit one value chunk. */
export const MAX_SHAPE_KEYS = 256;

/**
 * The same number, as a small integer when it is one. A number read from an object field is often a boxed heap
 * number (16 bytes, and one more object for the young-generation collector to copy); an int32 stored in an
 * array slot costs nothing beyond the slot. -0 stays as it is: it is an int32 to `|` but not the same value.
 */
function unboxed(value: number): number {
  return (value | 0) === value && (value !== 0 || 1 / value > 0) ? value | 0 : value;
}

/** Every attribute shape of one table, by id. */
export class AttributeShapes {
  readonly #shapes: AttributeShape[] = [
    new AttributeShape(EMPTY_SHAPE, '', undefined, 0, () => EMPTY_ATTRIBUTES),
    new AttributeShape(VERBATIM_SHAPE, '', undefined, 1, (values, at) => values[at] as Attributes),
  ];

  /** The shape with this id. */
  byId(id: number): AttributeShape {
    return this.#shapes[id]!;
  }

  /**
   * Writes a map's values into `values` from index `at` in key enumeration order and returns their shape, made
   * if new. A map with more keys than a shape holds, or met when the trie is full, is written as one value (the
   * map itself) under the verbatim shape. One for-in pass (no key array) keeps this cheap enough to run for every
   * span; `values` must have room for MAX_SHAPE_KEYS values. for-in also visits inherited enumerable keys, which
   * plain attribute maps do not have.
   */
  encode(attributes: Attributes, values: unknown[], at: number): AttributeShape {
    const shapes = this.#shapes;
    let shape = shapes[EMPTY_SHAPE]!;
    let next = at;
    for (const key in attributes) {
      let child = shape.child(key);
      if (child === undefined) {
        if (shapes.length >= MAX_SHAPES || shape.size === MAX_SHAPE_KEYS) {
          values[at] = attributes;
          return shapes[VERBATIM_SHAPE]!;
        }
        child = new AttributeShape(shapes.length, key, shape);
        shapes.push(child);
        shape.adopt(child);
      }
      shape = child;
      // V8 reads the value by field index inside for-in over the same object.
      const value = attributes[key];
      values[next++] = typeof value === 'number' ? unboxed(value) : value;
    }
    return shape;
  }

  /**
   * As `encode`, for `count` attributes given as parallel key and value lists from index `from` (a staged span's,
   * in wire order). A key given twice keeps its first place and its last value, as a map built from the list
   * would; such lists, and lists that would pass the trie's bounds, go through `encode` as a map.
   */
  encodeList(
    keys: readonly string[],
    source: readonly AttributeValue[],
    from: number,
    count: number,
    values: unknown[],
    at: number,
  ): AttributeShape {
    const shapes = this.#shapes;
    let shape = shapes[EMPTY_SHAPE]!;
    for (let i = 0; i < count; i++) {
      const key = keys[from + i]!;
      let child = shape.child(key);
      if (child === undefined) {
        if (shapes.length >= MAX_SHAPES || shape.size === MAX_SHAPE_KEYS) {
          return this.encode(attributeMap(keys, source, from, count), values, at);
        }
        child = new AttributeShape(shapes.length, key, shape);
        shapes.push(child);
        shape.adopt(child);
      }
      shape = child;
      const value = source[from + i];
      values[at + i] = typeof value === 'number' ? unboxed(value) : value;
    }
    if (count > 1 && shape.hasRepeatedKey()) return this.encode(attributeMap(keys, source, from, count), values, at);
    return shape;
  }
}

// The map a key/value list stands for: later values win, `__proto__` is an own property.
function attributeMap(keys: readonly string[], source: readonly AttributeValue[], from: number, count: number) {
  const map: Record<string, AttributeValue> = {};
  for (let i = from; i < from + count; i++) {
    const key = keys[i]!;
    if (key === '__proto__') {
      Object.defineProperty(map, key, { value: source[i], enumerable: true, writable: true, configurable: true });
    } else {
      map[key] = source[i]!;
    }
  }
  return map;
}
