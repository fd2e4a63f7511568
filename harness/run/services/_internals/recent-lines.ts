/** The last `capacity` lines a service printed, oldest first, each prefixed with its stream when it was stderr. */
export class RecentLines {
  readonly #lines: string[] = [];
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  add(line: string): void {
    this.#lines.push(line);
    if (this.#lines.length > this.#capacity) this.#lines.shift();
  }

  lines(): string[] {
    return [...this.#lines];
  }
}
