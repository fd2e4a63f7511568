import { PatternSyntaxError } from '../../errors.js';

const API = 'tracegate.parseSelector()';

/** A cursor over selector text that fails with the column and a caret under it. */
export class SelectorScanner {
  pos = 0;

  constructor(readonly text: string) {}

  get atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /** The character at the cursor, or '' at the end. */
  peek(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }

  skipSpace(): void {
    while (/\s/.test(this.peek())) this.pos++;
  }

  /** Skips space, then consumes `token` when it comes next. */
  eat(token: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(token, this.pos)) return false;
    this.pos += token.length;
    return true;
  }

  /** Consumes `token` or fails saying it was expected. */
  expect(token: string): void {
    if (!this.eat(token)) this.expected(`'${token}'`);
  }

  /** Consumes the text matched by a sticky `pattern` at the cursor, or returns undefined. */
  match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text)?.[0];
    if (found !== undefined) this.pos += found.length;
    return found;
  }

  /** Fails with "expected <what> at column N, found …". */
  expected(what: string, at = this.pos): never {
    const found = at >= this.text.length ? 'the end' : `'${this.text.charAt(at)}'`;
    return this.fail(`expected ${what}`, at, `, found ${found}`);
  }

  /** Fails with `message at column N` and the offending line with a caret. */
  fail(message: string, at = this.pos, suffix = ''): never {
    const lineStart = this.text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = this.text.indexOf('\n', at);
    const line = this.text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    const column = at - lineStart + 1;
    const lineNumber = this.text.slice(0, lineStart).split('\n').length;
    const where = lineStart === 0 && lineEnd === -1 ? `column ${column}` : `line ${lineNumber}, column ${column}`;
    const caret = `${' '.repeat(column - 1)}^`;
    throw new PatternSyntaxError(`${API}: ${message} at ${where}${suffix}\n  ${line}\n  ${caret}`, this.text, at + 1);
  }
}
