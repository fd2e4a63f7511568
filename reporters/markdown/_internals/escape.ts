import { printable } from '../../console/_internals/printable.js';

/**
 * Service text for Markdown prose and table cells: HTML and Markdown syntax made literal (`<`, `&`, `|`, `*`, `_`,
 * backticks, brackets …), `@` kept from mentioning anyone, line breaks and control characters made visible.
 */
export function mdText(text: string): string {
  // Backslashes first: the entities added after them must stay entities.
  return printable(text.replace(/\r\n|\r|\n/g, ' '))
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;');
}

/** Inline code that shows `text` literally (HTML, so no backtick inside it can end the span early). */
export function mdCode(text: string): string {
  return `<code>${printable(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@/g, '&#64;').replace(/\|/g, '&#124;')}</code>`;
}

/** A fenced code block holding `lines` literally: the fence is longer than any run of backticks inside. */
export function mdFence(lines: readonly string[]): string {
  const body = lines.map(printable).join('\n');
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${body}\n${fence}`;
}
