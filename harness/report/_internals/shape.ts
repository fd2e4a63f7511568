/**
 * Small validators that read like the types they check. A Shape<T> tests an unknown value and records every
 * problem with the path to it; its phantom type lets the compiler prove that a shape checks at least T.
 */
export interface Shape<T> {
  /** What the value should be, for messages: "a non-negative integer". */
  readonly expected: string;
  /** The shallow test: right type and range, without looking inside containers. */
  readonly fits: (value: unknown) => boolean;
  /** The deep test, given that `fits(value)` holds: records problems inside the value. */
  readonly inside?: (value: unknown, path: string, problems: string[]) => void;
  /** For containers: the declared field order of an object value, which renderers keep. */
  readonly fieldOrder?: (value: unknown) => readonly string[];
  /** For containers: the shape of the member under `key` (an array's items, an object's field). */
  readonly member?: (value: unknown, key: string) => Shape<unknown> | undefined;
  readonly phantom?: T;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

type Fields = Record<string, Shape<unknown>>;
type ShapeOf<F extends Fields> = { readonly [K in keyof F]: Infer<F[K]> };
type OptionalShapeOf<F extends Fields> = { readonly [K in keyof F]?: Infer<F[K]> };

/** How a value reads in a message: short JSON for scalars, its kind for containers. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Records every problem of `value` against `shape`, each message starting with the path. */
export function check<T>(shape: Shape<T>, value: unknown, path: string, problems: string[]): void {
  if (!shape.fits(value)) problems.push(`${path}: expected ${shape.expected}, got ${describeValue(value)}`);
  else shape.inside?.(value, path, problems);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/** A shape for values that `fits` decides on its own. */
export function scalar<T>(expected: string, fits: (value: unknown) => boolean): Shape<T> {
  return { expected, fits };
}

export const string: Shape<string> = scalar('a string', (value) => typeof value === 'string');
export const nonEmptyString: Shape<string> = scalar(
  'a non-empty string',
  (value) => typeof value === 'string' && value.length > 0,
);
export const boolean: Shape<boolean> = scalar('a boolean', (value) => typeof value === 'boolean');
export const integer: Shape<number> = scalar('an integer', isInteger);
export const count: Shape<number> = scalar('a non-negative integer', (value) => isInteger(value) && value >= 0);
export const share: Shape<number> = scalar(
  'a number from 0 to 1',
  (value) => typeof value === 'number' && value >= 0 && value <= 1,
);

/** Any JSON value (what JSON.parse returns always is one), typed as T. */
export function anyJson<T>(): Shape<T> {
  return scalar('any JSON value', () => true);
}

/** A number with optional bounds (inclusive minimum, exclusive maximum). */
export function number(expected: string, bounds: { minimum?: number; exclusiveMaximum?: number } = {}): Shape<number> {
  const { minimum = -Infinity, exclusiveMaximum = Infinity } = bounds;
  return scalar(expected, (value) => typeof value === 'number' && value >= minimum && value < exclusiveMaximum);
}

/** A string matching `pattern`. */
export function matching(pattern: RegExp, expected: string): Shape<string> {
  return scalar(expected, (value) => typeof value === 'string' && pattern.test(value));
}

/** One of a few literal values. */
export function oneOf<const T extends readonly (string | number)[]>(...values: T): Shape<T[number]> {
  const listed = values.map((value) => JSON.stringify(value));
  const expected = listed.length === 1 ? listed[0]! : `one of ${listed.join(', ')}`;
  return scalar(expected, (value) => values.includes(value as T[number]));
}

/** `shape` or null. */
export function nullable<T>(shape: Shape<T>): Shape<T | null> {
  return {
    expected: `${shape.expected} or null`,
    fits: (value) => value === null || shape.fits(value),
    inside: (value, path, problems) => {
      if (value !== null) shape.inside?.(value, path, problems);
    },
    fieldOrder: (value) => shape.fieldOrder?.(value) ?? [],
    member: (value, key) => shape.member?.(value, key),
  };
}

/** An array whose every item is `item`. */
export function array<T>(item: Shape<T>): Shape<readonly T[]> {
  return {
    expected: 'an array',
    fits: Array.isArray,
    inside: (value, path, problems) => {
      (value as unknown[]).forEach((element, index) => check(item, element, `${path}[${index}]`, problems));
    },
    member: () => item,
  };
}

/** An object with `required` fields and `optional` ones; other fields are allowed and ignored. */
export function object<R extends Fields, O extends Fields = Record<never, never>>(
  required: R,
  optional?: O,
): Shape<ShapeOf<R> & OptionalShapeOf<O>> {
  const all: Fields = { ...required, ...optional };
  const order = Object.keys(all);
  return {
    expected: 'an object',
    fits: isObject,
    inside: (value, path, problems) => {
      const fields = value as Record<string, unknown>;
      for (const [key, shape] of Object.entries(required)) {
        const at = join(path, key);
        if (Object.hasOwn(fields, key)) check(shape, fields[key], at, problems);
        else problems.push(`${at}: missing; expected ${shape.expected}`);
      }
      for (const [key, shape] of Object.entries(optional ?? {})) {
        if (Object.hasOwn(fields, key)) check(shape, fields[key], join(path, key), problems);
      }
    },
    fieldOrder: () => order,
    member: (_value, key) => (Object.hasOwn(all, key) ? all[key] : undefined),
  };
}

/** An object whose every value is `value` (attribute maps). */
export function record<T>(value: Shape<T>): Shape<{ readonly [key: string]: T }> {
  return {
    expected: 'an object',
    fits: isObject,
    inside: (candidate, path, problems) => {
      for (const [key, item] of Object.entries(candidate as object)) check(value, item, join(path, key), problems);
    },
    member: () => value,
  };
}

/** An object told apart by the string in `key`: each value of `key` has its own shape. */
export function discriminated<V extends Record<string, Shape<unknown>>>(
  key: string,
  variants: V,
): Shape<Infer<V[keyof V]>> {
  const tags = oneOf(...Object.keys(variants));
  const variantOf = (value: unknown): Shape<unknown> | undefined => {
    const tag = isObject(value) ? value[key] : undefined;
    return typeof tag === 'string' && Object.hasOwn(variants, tag) ? variants[tag] : undefined;
  };
  return {
    expected: 'an object',
    fits: isObject,
    inside: (value, path, problems) => {
      const fields = value as Record<string, unknown>;
      const at = join(path, key);
      const tag = fields[key];
      if (!Object.hasOwn(fields, key)) problems.push(`${at}: missing; expected ${tags.expected}`);
      else if (typeof tag === 'string' && Object.hasOwn(variants, tag)) check(variants[tag]!, value, path, problems);
      else check(tags, tag, at, problems);
    },
    fieldOrder: (value) => variantOf(value)?.fieldOrder?.(value) ?? [key],
    member: (value, field) => variantOf(value)?.member?.(value, field),
  };
}
