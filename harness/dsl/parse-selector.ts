import { InvalidArgumentError } from '../errors.js';
import type { PatternRequirement } from './span-pattern.js';
import { SpanPattern } from './span-pattern.js';
import type { CountRange } from './_internals/count-range.js';
import { AT_LEAST_ONE } from './_internals/count-range.js';
import { parseCompound } from './_internals/parse-compound.js';
import { parseCount } from './_internals/parse-count.js';
import { SelectorScanner } from './_internals/selector-scanner.js';

type Relation = PatternRequirement['relation'];

/**
 * Parses a selector such as `server "POST /api/checkout" > producer >> consumer[service=worker]` into a pattern
 * (grammar: docs/dsl.md). Throws PatternSyntaxError with the column and a caret line.
 */
export function parseSelector(text: string): SpanPattern {
  if (typeof text !== 'string') throw new InvalidArgumentError('tracegate.parseSelector(): text must be a string');
  const scanner = new SelectorScanner(text);
  const pattern = parseNode(scanner, false).pattern;
  scanner.skipSpace();
  if (!scanner.atEnd) scanner.expected("'>', '>>', '(' or the end of the selector");
  return pattern;
}

function parseNode(scanner: SelectorScanner, counted: boolean): { pattern: SpanPattern; count: CountRange } {
  const draft = parseCompound(scanner);
  scanner.skipSpace();
  let count = AT_LEAST_ONE;
  if (scanner.peek() === '{') {
    if (!counted) scanner.fail('a count applies to a child or descendant, not to the top span');
    count = parseCount(scanner);
  }
  return { pattern: new SpanPattern({ ...draft, requirements: parseTail(scanner) }), count };
}

function parseCombinator(scanner: SelectorScanner): Relation | undefined {
  if (scanner.eat('>>')) return 'descendant';
  return scanner.eat('>') ? 'child' : undefined;
}

/** What follows a span: nothing, `> node`, `>> node`, or a group `> (a, b)` / `(> a, >> b)`. */
function parseTail(scanner: SelectorScanner): PatternRequirement[] {
  const relation = parseCombinator(scanner);
  scanner.skipSpace();
  if (scanner.peek() === '(') return parseGroup(scanner, relation);
  if (relation === undefined) return [];
  return [parseItem(scanner, relation)];
}

function parseItem(scanner: SelectorScanner, relation: Relation): PatternRequirement {
  const { pattern, count } = parseNode(scanner, true);
  return { relation, pattern, count };
}

function parseGroup(scanner: SelectorScanner, shared: Relation | undefined): PatternRequirement[] {
  scanner.expect('(');
  const items: PatternRequirement[] = [];
  do {
    const relation = parseCombinator(scanner) ?? shared ?? scanner.expected("'>' or '>>' before this span");
    items.push(parseItem(scanner, relation));
  } while (scanner.eat(','));
  scanner.expect(')');
  scanner.skipSpace();
  if (scanner.peek() === '>') scanner.fail('nothing may follow a group; continue inside its items instead');
  return items;
}
