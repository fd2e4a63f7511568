type JsonObject = Record<string, unknown>;

/** Where an id was found: the field name as configured and the path of keys that reached it. */
export interface FoundField {
  readonly field: string;
  readonly path: readonly string[];
  readonly value: unknown;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first of `fields` present in `fields`' order: a flat key (`trace.id`) first, then a nested path. */
export function findField(line: JsonObject, fields: readonly string[]): FoundField | undefined {
  for (const field of fields) {
    if (Object.hasOwn(line, field)) return { field, path: [field], value: line[field] };
    if (!field.includes('.')) continue;
    const path = field.split('.');
    let at: unknown = line;
    for (const key of path) at = isObject(at) && Object.hasOwn(at, key) ? at[key] : undefined;
    if (at !== undefined) return { field, path, value: at };
  }
  return undefined;
}

/** A copy of `line` without the value at `path`; a nested object left empty goes too. */
export function withoutPath(line: JsonObject, path: readonly string[]): JsonObject {
  const [head, ...rest] = path;
  if (head === undefined) return line;
  const copy = { ...line };
  const inner = copy[head];
  if (rest.length === 0 || !isObject(inner)) {
    delete copy[head];
    return copy;
  }
  const trimmed = withoutPath(inner, rest);
  if (Object.keys(trimmed).length === 0) delete copy[head];
  else copy[head] = trimmed;
  return copy;
}
