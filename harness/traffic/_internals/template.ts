/** Placeholders a template may use; `{{runId}}` is filled in once per run, `{{seq}}` per request. */
export const PLACEHOLDERS = ['seq', 'runId'] as const;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** A compiled template: literal text between the places where the sequence number goes. */
export class Template {
  /** `parts.length - 1` is how many `{{seq}}` the template holds. */
  readonly #parts: readonly string[];

  private constructor(parts: readonly string[]) {
    this.#parts = parts;
  }

  /**
   * Compiles `text`, filling in `{{runId}}` now. Returns a problem instead when it names an unknown placeholder.
   */
  static compile(text: string, runId: string): Template | { problem: string } {
    const parts: string[] = [];
    let literal = '';
    let from = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
      const name = match[1]!;
      literal += text.slice(from, match.index);
      from = match.index + match[0].length;
      if (name === 'runId') {
        literal += runId;
      } else if (name === 'seq') {
        parts.push(literal);
        literal = '';
      } else {
        return {
          problem: `uses the unknown placeholder {{${name}}} (known: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')})`,
        };
      }
    }
    parts.push(literal + text.slice(from));
    return new Template(parts);
  }

  /** True when the text is the same for every request. */
  get isConstant(): boolean {
    return this.#parts.length === 1;
  }

  /** The literal text around the placeholders, for validating characters once instead of per request. */
  get literalText(): string {
    return this.#parts.join('');
  }

  /** The text for request `seq`. */
  render(seq: number): string {
    const parts = this.#parts;
    let text = parts[0]!;
    for (let i = 1; i < parts.length; i++) text += seq + parts[i]!;
    return text;
  }
}
