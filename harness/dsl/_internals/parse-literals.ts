import type { AttributeValue } from '../../model/attributes.js';
import type { SelectorScanner } from './selector-scanner.js';
import { BARE_KEY, BARE_WORD } from './selector-words.js';
import { stableRegExp } from './stable-regexp.js';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const INTEGER = /^-?\d+$/;
const WORD = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const BRACED_HEX = /\{[0-9a-fA-F]{1,6}\}/y;

/** A string in double or single quotes with JSON escapes (and `\'`, `\u{…}`). */
export function parseString(scanner: SelectorScanner): string {
  const start = scanner.pos;
  const quote = scanner.peek();
  scanner.pos++;
  let text = '';
  for (;;) {
    const char = scanner.peek();
    if (char === '' || char === '\n') scanner.fail('unterminated string', start);
    scanner.pos++;
    if (char === quote) return text;
    if (char !== '\\') {
      text += char;
      continue;
    }
    const escape = scanner.peek();
    scanner.pos++;
    const simple = SIMPLE_ESCAPES[escape];
    if (simple !== undefined) text += simple;
    else if (escape === 'u') text += parseUnicodeEscape(scanner);
    else scanner.fail(`unknown escape '\\${escape}' in string`, scanner.pos - 2);
  }
}

function parseUnicodeEscape(scanner: SelectorScanner): string {
  const start = scanner.pos - 2;
  const hex = scanner.match(HEX4) ?? scanner.match(BRACED_HEX)?.slice(1, -1);
  const code = hex === undefined ? NaN : parseInt(hex, 16);
  if (!(code <= 0x10ffff)) scanner.fail('invalid \\u escape in string', start);
  return String.fromCodePoint(code);
}

/** A `/source/flags` regular expression literal, validated by the JavaScript engine. */
export function parseRegExp(scanner: SelectorScanner): RegExp {
  const start = scanner.pos;
  scanner.pos++;
  let inClass = false;
  for (;;) {
    const char = scanner.peek();
    if (char === '' || char === '\n') scanner.fail('unterminated regular expression', start);
    scanner.pos++;
    if (char === '\\') scanner.pos++;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) break;
  }
  const source = scanner.text.slice(start + 1, scanner.pos - 1);
  const flags = scanner.match(/[a-z]*/y) ?? '';
  try {
    return stableRegExp(new RegExp(source, flags));
  } catch (error) {
    return scanner.fail(`invalid regular expression: ${(error as Error).message}`, start);
  }
}

/** A number; an integer too large for a double stays exact as a bigint. */
export function parseNumber(scanner: SelectorScanner): number | bigint {
  const literal = scanner.match(NUMBER) ?? scanner.expected('a number');
  const value = Number(literal);
  return INTEGER.test(literal) && !Number.isSafeInteger(value) ? BigInt(literal) : value;
}

/** A bare word (`worker`, `http.route`) or undefined when none starts here. */
export function parseWord(scanner: SelectorScanner): string | undefined {
  return scanner.match(WORD);
}

/** A name given as a bare word or a quoted string: services and events. */
export function parseWordOrString(scanner: SelectorScanner, what: string): string {
  scanner.skipSpace();
  const quote = scanner.peek();
  if (quote === '"' || quote === "'") return parseString(scanner);
  const word = parseWord(scanner);
  if (word === undefined || !BARE_WORD.test(word)) return scanner.expected(what);
  return word;
}

/** An attribute key: bare (`http.route`) or quoted; `quoted` tells reserved words apart from attributes. */
export function parseKey(scanner: SelectorScanner): { key: string; quoted: boolean } | undefined {
  scanner.skipSpace();
  const quote = scanner.peek();
  if (quote === '"' || quote === "'") return { key: parseString(scanner), quoted: true };
  const key = parseWord(scanner);
  return key !== undefined && BARE_KEY.test(key) ? { key, quoted: false } : undefined;
}

/** An attribute value literal: string, number, true/false/null, a bare word, or a `[…]` list of them. */
export function parseValue(scanner: SelectorScanner): AttributeValue {
  scanner.skipSpace();
  const char = scanner.peek();
  if (char === '"' || char === "'") return parseString(scanner);
  if (char === '[') return parseList(scanner);
  if (/[-.\d]/.test(char)) return parseNumber(scanner);
  if (char === '/') scanner.fail("a regular expression needs '~=' instead of '='");
  if (char === '<') scanner.fail('predicates, bytes and maps have no selector form; use the builder');
  const word = parseWord(scanner) ?? scanner.expected('a value');
  if (word === 'true' || word === 'false') return word === 'true';
  return word === 'null' ? null : word;
}

function parseList(scanner: SelectorScanner): AttributeValue[] {
  scanner.expect('[');
  const items: AttributeValue[] = [];
  if (scanner.eat(']')) return items;
  do items.push(parseValue(scanner));
  while (scanner.eat(','));
  scanner.expect(']');
  return items;
}
