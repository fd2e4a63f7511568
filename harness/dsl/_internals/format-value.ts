import type { AttributeValue } from '../../model/attributes.js';
import type { AttributeExpectation } from '../pattern-options.js';
import { absent, present } from '../pattern-options.js';
import { BARE_KEY, BARE_WORD, RESERVED_KEYS, VALUE_WORDS } from './selector-words.js';

/** A string in selector syntax: double-quoted with JSON escapes. */
export const quote = (text: string): string => JSON.stringify(text);

/** A string or RegExp as a selector name: `"GET /a"` or `/^GET /i`. */
export const formatText = (text: string | RegExp): string => (typeof text === 'string' ? quote(text) : String(text));

/** A service or event name: bare when it reads as a word, else quoted. */
export const formatWord = (word: string): string =>
  BARE_WORD.test(word) && !VALUE_WORDS.has(word) ? word : quote(word);

/** An attribute key: bare unless it needs quotes or would read as a reserved filter. */
export const formatKey = (key: string): string => (BARE_KEY.test(key) && !RESERVED_KEYS.has(key) ? key : quote(key));

/** An attribute value as a selector literal; bytes and maps have no literal and print as `<bytes>` / `<map>`. */
export function formatValue(value: AttributeValue): string {
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return '<bytes>';
  if (Array.isArray(value)) return `[${value.map((item: AttributeValue) => formatValue(item)).join(', ')}]`;
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : `<${String(value)}>`;
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      return '<map>';
  }
}

/** One attribute constraint as the inside of a filter: `key`, `!key`, `key=value`, `key~=/re/`. */
export function formatAttribute(key: string, expected: AttributeExpectation): string {
  const written = formatKey(key);
  if (expected === present) return written;
  if (expected === absent) return `!${written}`;
  if (expected instanceof RegExp) return `${written}~=${String(expected)}`;
  if (typeof expected === 'function') {
    return `${written}=<predicate${expected.name === '' ? '' : ` ${expected.name}`}>`;
  }
  return `${written}=${formatValue(expected)}`;
}
