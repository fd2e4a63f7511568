/** How a piece of console text is emphasised: a renderer with colours paints it, one without ignores it. */
export type Tone = 'plain' | 'bad' | 'good' | 'warn' | 'dim' | 'strong';

/** A piece of a line; `text` may come from a service and is escaped by each renderer. */
export interface Segment {
  readonly text: string;
  readonly tone: Tone;
}

export type Line = readonly Segment[];

export function seg(text: string, tone: Tone = 'plain'): Segment {
  return { text, tone };
}

const ANSI: Readonly<Record<Tone, readonly [string, string]>> = {
  plain: ['', ''],
  bad: ['\u001b[31m', '\u001b[39m'],
  good: ['\u001b[32m', '\u001b[39m'],
  warn: ['\u001b[33m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  strong: ['\u001b[1m', '\u001b[22m'],
};

/** `text` wrapped in the ANSI colour of `tone` when `color` is on. */
export function paint(text: string, tone: Tone, color: boolean): string {
  if (!color || text === '') return text;
  const [open, close] = ANSI[tone];
  return `${open}${text}${close}`;
}
