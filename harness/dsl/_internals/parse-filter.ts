import type { StatusCode } from '../../model/span.js';
import type { AttributeExpectation, DurationBounds } from '../pattern-options.js';
import { absent, present } from '../pattern-options.js';
import type {
  AttributeConstraint,
  EventConstraint,
  LinkConstraint,
  SpanPattern,
  SpanPatternParts,
} from '../span-pattern.js';
import type { CountRange } from './count-range.js';
import { AT_LEAST_ONE, NONE } from './count-range.js';
import { parseCount } from './parse-count.js';
import { parseKey, parseNumber, parseRegExp, parseValue, parseWordOrString } from './parse-literals.js';
import type { SelectorScanner } from './selector-scanner.js';

/** A span's own constraints while its filters are being read. */
export type CompoundDraft = { -readonly [K in keyof Omit<SpanPatternParts, 'requirements'>]: SpanPatternParts[K] } & {
  attributes: AttributeConstraint[];
  events: EventConstraint[];
  links: LinkConstraint[];
};

const STATUSES: readonly string[] = ['unset', 'ok', 'error'];
const DURATION_OPERATORS: readonly [string, keyof DurationBounds][] = [
  ['>=', 'minMs'],
  ['<=', 'maxMs'],
  ['>', 'aboveMs'],
  ['<', 'belowMs'],
];
const UNIT_TO_MS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1e3 };

/** `=` followed by a name, or `~=` followed by a regular expression. */
function parseTextOperand(scanner: SelectorScanner, what: string): string | RegExp {
  if (scanner.eat('~=')) {
    scanner.skipSpace();
    return scanner.peek() === '/' ? parseRegExp(scanner) : scanner.expected('a /regular expression/');
  }
  scanner.expect('=');
  return parseWordOrString(scanner, what);
}

/** `key`, `!key`, `key=value` or `key~=/re/`, where every key is an attribute (the key is already read). */
function parseAttributeOperand(scanner: SelectorScanner, negated: boolean): AttributeExpectation {
  if (negated) return absent;
  if (scanner.eat('~=')) {
    scanner.skipSpace();
    return scanner.peek() === '/' ? parseRegExp(scanner) : scanner.expected('a /regular expression/');
  }
  return scanner.eat('=') ? parseValue(scanner) : present;
}

/** Bracketed attribute filters following an event or link: `[key=value][other]`. */
function parseNestedAttributes(scanner: SelectorScanner): AttributeConstraint[] {
  const attributes: AttributeConstraint[] = [];
  while (scanner.eat('[')) {
    const negated = scanner.eat('!');
    const start = scanner.pos;
    const key = parseKey(scanner) ?? scanner.expected('an attribute key');
    if (attributes.some((attribute) => attribute.key === key.key)) {
      scanner.fail(`attribute "${key.key}" is given twice`, start);
    }
    attributes.push({ key: key.key, expected: parseAttributeOperand(scanner, negated) });
    scanner.expect(']');
  }
  return attributes;
}

function parseCountOr(scanner: SelectorScanner, fallback: CountRange, negated: boolean): CountRange {
  scanner.skipSpace();
  if (scanner.peek() !== '{') return negated ? NONE : fallback;
  if (negated) scanner.fail("'!' already means none; leave out the count");
  return parseCount(scanner);
}

function parseEvent(scanner: SelectorScanner, negated: boolean): EventConstraint {
  scanner.skipSpace();
  const named = scanner.peek() === '=' || scanner.peek() === '~';
  const name = named ? parseTextOperand(scanner, 'an event name') : undefined;
  const count = parseCountOr(scanner, AT_LEAST_ONE, negated);
  return { name, count, attributes: parseNestedAttributes(scanner) };
}

function parseLink(scanner: SelectorScanner, negated: boolean, parseTarget: TargetParser): LinkConstraint {
  const count = parseCountOr(scanner, AT_LEAST_ONE, negated);
  const attributes = parseNestedAttributes(scanner);
  return { count, attributes, target: scanner.eat('->') ? parseTarget(scanner) : undefined };
}

function parseDuration(scanner: SelectorScanner, draft: CompoundDraft): void {
  scanner.skipSpace();
  const found = DURATION_OPERATORS.find(([operator]) => scanner.eat(operator));
  if (found === undefined) return scanner.expected("'<', '<=', '>' or '>='");
  scanner.skipSpace();
  const start = scanner.pos;
  const amount = Number(parseNumber(scanner));
  if (amount < 0) scanner.fail('a duration cannot be negative', start);
  const unit = scanner.match(/(?:ns|us|µs|ms|s)(?![A-Za-z])/y) ?? scanner.expected('a unit (ns, us, ms or s)');
  const key = found[1];
  if (draft.duration?.[key] !== undefined) scanner.fail(`duration ${found[0]} is given twice`, start);
  draft.duration = { ...draft.duration, [key]: amount * UNIT_TO_MS[unit]! };
}

/** Reads the local constraints of a link target (a compound selector without children). */
export type TargetParser = (scanner: SelectorScanner) => SpanPattern;

function once(scanner: SelectorScanner, given: boolean, what: string, at: number): void {
  if (given) scanner.fail(`${what} is given twice`, at);
}

/** Reads one `[…]` filter into `draft`; the cursor is on the `[`. */
export function parseFilter(scanner: SelectorScanner, draft: CompoundDraft, parseTarget: TargetParser): void {
  scanner.expect('[');
  const negated = scanner.eat('!');
  scanner.skipSpace();
  const start = scanner.pos;
  const key =
    parseKey(scanner) ?? scanner.expected('an attribute key or one of service, status, duration, event, link');
  const reserved = key.quoted ? undefined : key.key;
  if (negated && (reserved === 'service' || reserved === 'status' || reserved === 'duration')) {
    scanner.fail(`'!' does not apply to ${reserved}`, start - 1);
  }
  switch (reserved) {
    case 'service':
      once(scanner, draft.service !== undefined, 'service', start);
      draft.service = parseTextOperand(scanner, 'a service name');
      break;
    case 'status': {
      once(scanner, draft.status !== undefined, 'status', start);
      scanner.expect('=');
      scanner.skipSpace();
      const at = scanner.pos;
      const status = parseWordOrString(scanner, 'unset, ok or error');
      if (!STATUSES.includes(status)) scanner.fail(`unknown status '${status}' (expected unset, ok or error)`, at);
      draft.status = status as StatusCode;
      break;
    }
    case 'duration':
      parseDuration(scanner, draft);
      break;
    case 'event':
      draft.events.push(parseEvent(scanner, negated));
      break;
    case 'link':
      draft.links.push(parseLink(scanner, negated, parseTarget));
      break;
    default:
      once(
        scanner,
        draft.attributes.some((attribute) => attribute.key === key.key),
        `attribute "${key.key}"`,
        start,
      );
      draft.attributes.push({ key: key.key, expected: parseAttributeOperand(scanner, negated) });
  }
  scanner.expect(']');
}
