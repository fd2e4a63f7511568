import type { DurationBounds } from '../pattern-options.js';
import type { AttributeConstraint, EventConstraint, LinkConstraint, SpanPatternParts } from '../span-pattern.js';
import { formatCount } from './count-range.js';
import { formatAttribute, formatText, formatWord } from './format-value.js';

type LocalParts = Omit<SpanPatternParts, 'requirements'>;

const attributeFilters = (attributes: readonly AttributeConstraint[]): string =>
  attributes.map(({ key, expected }) => `[${formatAttribute(key, expected)}]`).join('');

/** `service=worker` or `service~=/^work/`. */
export const formatService = (service: string | RegExp): string =>
  typeof service === 'string' ? `service=${formatWord(service)}` : `service~=${String(service)}`;

/** The inside of an event filter: `event=exception[exception.type~=/Error$/]`, `!event=exception`. */
export function formatEvent(event: EventConstraint): string {
  const none = event.count.max === 0;
  let text = none ? '!event' : 'event';
  if (typeof event.name === 'string') text += `=${formatWord(event.name)}`;
  else if (event.name !== undefined) text += `~=${String(event.name)}`;
  if (!none) text += formatCount(event.count);
  return text + attributeFilters(event.attributes);
}

/** The inside of a link filter: `link{2,}[key=1] -> producer[service=api]`, `!link`. */
export function formatLink(link: LinkConstraint): string {
  const none = link.count.max === 0;
  let text = (none ? '!link' : `link${formatCount(link.count)}`) + attributeFilters(link.attributes);
  if (link.target !== undefined) text += ` -> ${formatLocal(link.target)}`;
  return text;
}

const DURATION_OPERATORS: readonly [keyof DurationBounds, string][] = [
  ['minMs', '>='],
  ['aboveMs', '>'],
  ['maxMs', '<='],
  ['belowMs', '<'],
];

/** Duration filters, in milliseconds: `[duration>=10ms][duration<500ms]`. */
export function formatDuration(duration: DurationBounds): string {
  return DURATION_OPERATORS.filter(([key]) => duration[key] !== undefined)
    .map(([key, operator]) => `[duration${operator}${String(duration[key])}ms]`)
    .join('');
}

/** One span's own constraints (no children) as a compound selector, pseudo-classes included. */
export function formatLocal(pattern: LocalParts): string {
  const name = pattern.name === undefined ? '' : formatText(pattern.name);
  const kind = pattern.kind ?? (name === '' ? 'span' : '');
  let text = kind !== '' && name !== '' ? `${kind} ${name}` : kind + name;
  if (pattern.service !== undefined) text += `[${formatService(pattern.service)}]`;
  text += attributeFilters(pattern.attributes);
  if (pattern.status !== undefined) text += `[status=${pattern.status}]`;
  for (const event of pattern.events) text += `[${formatEvent(event)}]`;
  for (const link of pattern.links) text += `[${formatLink(link)}]`;
  if (pattern.duration !== undefined) text += formatDuration(pattern.duration);
  if (pattern.mustBeRoot) text += ':root';
  if (pattern.inOrder) text += ':ordered';
  return text;
}
