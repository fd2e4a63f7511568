import type { CountRange } from './count-range.js';
import { NONE } from './count-range.js';
import type { SelectorScanner } from './selector-scanner.js';

const DIGITS = /\d+/y;

function parseBound(scanner: SelectorScanner): number | undefined {
  scanner.skipSpace();
  const digits = scanner.match(DIGITS);
  if (digits === undefined) return undefined;
  const bound = Number(digits);
  if (!Number.isSafeInteger(bound)) scanner.fail('count is too large', scanner.pos - digits.length);
  return bound;
}

/** A count in braces: `{2}` exactly, `{2,}` at least, `{,3}` at most, `{1,3}` a range, `{0}` none. */
export function parseCount(scanner: SelectorScanner): CountRange {
  scanner.expect('{');
  const start = scanner.pos;
  const min = parseBound(scanner);
  if (!scanner.eat(',')) {
    if (min === undefined) scanner.expected('a count such as {2}, {2,}, {,3} or {1,3}');
    scanner.expect('}');
    return min === 0 ? NONE : { min, max: min };
  }
  const max = parseBound(scanner);
  if (min === undefined && max === undefined) scanner.fail('a count needs at least one bound', start);
  if (max !== undefined && (min ?? 0) > max) scanner.fail(`count {${min},${max}} has its bounds reversed`, start);
  scanner.expect('}');
  return max === 0 ? NONE : { min: min ?? 0, max: max ?? Infinity };
}
