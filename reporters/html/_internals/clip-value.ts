import type { ReportAttributes, ReportValue } from '../../../harness/report/report-trace.js';
import { clipText } from './clip-text.js';
import { PAGE_LIMITS } from './page-limits.js';

/** A value the page can embed as JSON: bigints as decimal strings. */
export type PageValue = string | number | boolean | null | readonly PageValue[] | { readonly [key: string]: PageValue };

function plain(value: ReportValue): PageValue {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return (value as readonly ReportValue[]).map(plain);
  return Object.fromEntries(Object.entries(value as Record<string, ReportValue>).map(([k, v]) => [k, plain(v)]));
}

/**
 * An attribute value or log body as the page shows it: unchanged when short, otherwise its text (the string
 * itself, or its JSON) cut to `PAGE_LIMITS.valueChars` with a note.
 */
export function clipValue(value: ReportValue): PageValue {
  if (typeof value === 'string') return clipText(value, PAGE_LIMITS.valueChars);
  const converted = plain(value);
  if (converted === null || typeof converted !== 'object') return converted;
  const json = JSON.stringify(converted);
  return json.length <= PAGE_LIMITS.valueChars ? converted : clipText(json, PAGE_LIMITS.valueChars);
}

/** Attributes as the page shows them: the first `PAGE_LIMITS.attributes`, values clipped, and how many were left out. */
export function clipAttributes(attributes: ReportAttributes): {
  attributes: Record<string, PageValue>;
  attributesNotShown: number;
} {
  const entries = Object.entries(attributes);
  const shown = entries
    .slice(0, PAGE_LIMITS.attributes)
    .map(([key, value]): [string, PageValue] => [clipText(key, PAGE_LIMITS.textChars), clipValue(value)]);
  return {
    attributes: Object.fromEntries(shown),
    attributesNotShown: Math.max(0, entries.length - PAGE_LIMITS.attributes),
  };
}
