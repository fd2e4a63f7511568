/** Collects every problem of a value, each naming its field, so one error can list them all. */
export class Problems {
  readonly list: string[] = [];

  add(at: string, expected: string, got?: unknown): undefined {
    this.list.push(arguments.length > 2 ? `${at}: expected ${expected}, got ${shown(got)}` : `${at}: ${expected}`);
    return undefined;
  }
}

/** A value as a message shows it: JSON, cut at 60 characters. */
export function shown(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (value instanceof RegExp) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? typeof value;
  } catch {
    // A cycle or a bigint: say what it is rather than how it prints.
    text = typeof value;
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports keys of `value` outside `known`: a misspelt option must not be silently ignored. */
export function unknownKeys(value: Record<string, unknown>, known: readonly string[], at: string, problems: Problems) {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) problems.add(`${at}.${key}`, `unknown field; the fields are ${known.join(', ')}`);
  }
}

/** A number within [min, max] (integer when asked), or undefined after recording a problem. */
export function numberField(
  value: unknown,
  at: string,
  problems: Problems,
  range: { min: number; max?: number; integer?: boolean; exclusiveMin?: boolean },
): number | undefined {
  const { min, max = Number.MAX_SAFE_INTEGER, integer = false, exclusiveMin = false } = range;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (integer ? Number.isSafeInteger(value) : true) &&
    (exclusiveMin ? value > min : value >= min) &&
    value <= max;
  if (ok) return value;
  const kind = integer ? 'an integer' : 'a number';
  const lower = exclusiveMin ? `> ${min}` : `>= ${min}`;
  const bound = max === Number.MAX_SAFE_INTEGER ? lower : `from ${min} to ${max}`;
  return problems.add(at, `${kind} ${bound}`, value);
}

/** The message of an error thrown by another API's validator, without that API's `name(): ` prefix. */
export function withoutApiPrefix(error: unknown): string[] {
  const message = error instanceof Error ? error.message : String(error);
  const body = message.replace(/^[\w.]+(?:\(\))?: /, '');
  // validateServiceSpecs lists several problems as "N problems" followed by indented lines.
  const lines = body.split('\n');
  if (lines.length > 1 && /^\d+ problems$/.test(lines[0]!)) return lines.slice(1).map((line) => line.trim());
  return [body];
}
