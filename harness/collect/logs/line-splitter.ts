/** One line cut from a stream; `truncated` when it was longer than the cap and only its head is kept. */
export interface SplitLine {
  readonly text: string;
  readonly truncated: boolean;
}

/**
 * Cuts a stream of text chunks into lines. Chunks may end mid-line; `end()` yields a final unterminated line.
 * A line longer than `maxLineChars` is cut to its head, and the rest of it is skipped without being buffered.
 */
export class LineSplitter {
  readonly #maxLineChars: number;
  #pending = '';
  // Inside an over-long line whose head was already yielded: skip up to the next newline.
  #skipping = false;

  constructor(maxLineChars: number) {
    this.#maxLineChars = maxLineChars;
  }

  /** Lines completed by `chunk`, in order. */
  push(chunk: string): SplitLine[] {
    const lines: SplitLine[] = [];
    const text = this.#pending + chunk;
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      if (this.#skipping) this.#skipping = false;
      else lines.push(this.#line(text.slice(start, newline)));
      start = newline + 1;
    }
    const rest = text.slice(start);
    this.#pending = '';
    if (this.#skipping) return lines;
    if (rest.length > this.#maxLineChars) {
      lines.push({ text: rest.slice(0, this.#maxLineChars), truncated: true });
      this.#skipping = true;
    } else {
      this.#pending = rest;
    }
    return lines;
  }

  /** The final line when the stream ended without a newline (none when it ended on one). */
  end(): SplitLine[] {
    const rest = this.#pending;
    this.#pending = '';
    this.#skipping = false;
    return rest === '' ? [] : [this.#line(rest)];
  }

  #line(raw: string): SplitLine {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.length <= this.#maxLineChars) return { text, truncated: false };
    return { text: text.slice(0, this.#maxLineChars), truncated: true };
  }
}
