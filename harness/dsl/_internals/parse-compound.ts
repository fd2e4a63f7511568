import type { CompoundDraft } from './parse-filter.js';
import { parseFilter } from './parse-filter.js';
import { parseRegExp, parseString } from './parse-literals.js';
import type { SelectorScanner } from './selector-scanner.js';
import { KIND_WORDS } from './selector-words.js';
import { SpanPattern } from '../span-pattern.js';

const KIND_LIST = Object.keys(KIND_WORDS).join(', ');

/** One span's own constraints: `[kind] [name] {filter | :pseudo}`, for example `consumer "x"[service=worker]:root`. */
export function parseCompound(scanner: SelectorScanner): CompoundDraft {
  scanner.skipSpace();
  const start = scanner.pos;
  const draft: CompoundDraft = {
    kind: undefined,
    name: undefined,
    service: undefined,
    attributes: [],
    status: undefined,
    events: [],
    links: [],
    duration: undefined,
    mustBeRoot: false,
    inOrder: false,
  };
  const word = scanner.match(/[A-Za-z]+/y);
  if (word !== undefined) {
    if (!(word in KIND_WORDS)) scanner.fail(`unknown span kind '${word}' (expected ${KIND_LIST} or *)`, start);
    draft.kind = KIND_WORDS[word];
  } else scanner.eat('*');
  scanner.skipSpace();
  const quote = scanner.peek();
  if (quote === '"' || quote === "'") draft.name = parseString(scanner);
  else if (quote === '/') draft.name = parseRegExp(scanner);
  for (scanner.skipSpace(); ; scanner.skipSpace()) {
    if (scanner.peek() === '[') parseFilter(scanner, draft, parseLinkTarget);
    else if (scanner.peek() === ':') parsePseudoClass(scanner, draft);
    else break;
  }
  if (scanner.pos === start) scanner.expected('a span kind, a quoted name, a /regex/ or a [filter]');
  return draft;
}

function parsePseudoClass(scanner: SelectorScanner, draft: CompoundDraft): void {
  const start = scanner.pos;
  scanner.pos++;
  const name = scanner.match(/[A-Za-z]+/y);
  if (name === 'root') draft.mustBeRoot = true;
  else if (name === 'ordered') draft.inOrder = true;
  else scanner.fail(`unknown pseudo-class ':${name ?? ''}' (expected :root or :ordered)`, start);
}

/** A link target: one compound, whose children would mean nothing (links point at single spans). */
function parseLinkTarget(scanner: SelectorScanner): SpanPattern {
  return new SpanPattern({ ...parseCompound(scanner), requirements: [] });
}
