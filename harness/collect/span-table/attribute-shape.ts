import type { Attributes } from '../../model/attributes.js';
import type { AttributeBuilder } from './attribute-builders.js';
import { buildAttributes, compiledBuilder } from './attribute-builders.js';

// A shape read this often gets a compiled builder; rarer ones (a flood of distinct key lists) are built key by
// key, so they cost no compiling.
const COMPILE_AFTER_READS = 16;

/**
 * One ordered list of attribute keys, as a node of a trie: spans whose attributes have the same keys in the same
 * order share a shape, so a stored span keeps only its values. Each node knows the last child it handed out,
 * which is the next key of the next span almost every time.
 */
export class AttributeShape {
  readonly id: number;
  readonly key: string;
  readonly parent: AttributeShape | undefined;
  /** How many values a span of this shape stores. */
  readonly size: number;
  #lastChild: AttributeShape | undefined;
  #children: Map<string, AttributeShape> | undefined;
  #build: AttributeBuilder | undefined;
  #keys: string[] | undefined;
  #reads = 0;
  #repeats: boolean | undefined;

  /** A trie node; the root and the verbatim shape pass their own size and builder. */
  constructor(id: number, key: string, parent: AttributeShape | undefined, size?: number, build?: AttributeBuilder) {
    this.id = id;
    this.key = key;
    this.parent = parent;
    this.size = size ?? (parent === undefined ? 0 : parent.size + 1);
    this.#build = build;
  }

  /** The shape these keys followed by `key` have, if it was made before. */
  child(key: string): AttributeShape | undefined {
    const last = this.#lastChild;
    if (last !== undefined && last.key === key) return last;
    const child = this.#children?.get(key);
    if (child !== undefined) this.#lastChild = child;
    return child;
  }

  /** Records a new child shape (the caller checked `child(key)` first). */
  adopt(child: AttributeShape): void {
    if (this.#lastChild !== undefined) {
      this.#children ??= new Map([[this.#lastChild.key, this.#lastChild]]);
      this.#children.set(child.key, child);
    }
    this.#lastChild = child;
  }

  /** The attribute map of one span, from its values in `values` starting at `at` (a fresh object). */
  build(values: readonly unknown[], at: number): Attributes {
    const build = this.#build;
    if (build !== undefined) return build(values, at);
    const keys = this.keys();
    if (++this.#reads < COMPILE_AFTER_READS) return buildAttributes(keys, values, at);
    this.#build = compiledBuilder(keys);
    return this.#build(values, at);
  }

  /** True when a key occurs twice in this shape's list (only a list of wire entries can make one). */
  hasRepeatedKey(): boolean {
    if (this.#repeats !== undefined) return this.#repeats;
    let repeats = this.parent?.hasRepeatedKey() ?? false;
    for (let shape = this.parent; !repeats && shape?.parent !== undefined; shape = shape.parent) {
      repeats = shape.key === this.key;
    }
    this.#repeats = repeats;
    return repeats;
  }

  /** The keys in order. */
  keys(): readonly string[] {
    if (this.#keys !== undefined) return this.#keys;
    const keys: string[] = [];
    // The root holds no key (and has no parent): walk up to it.
    if (this.parent !== undefined) keys.push(this.key);
    for (let shape = this.parent; shape?.parent !== undefined; shape = shape.parent) keys.push(shape.key);
    this.#keys = keys.reverse();
    return this.#keys;
  }
}
