import type { AttributeValue, Attributes } from '../../model/attributes.js';
import type { ReportAttributes, ReportValue } from '../report-trace.js';

/** What a redacted value is replaced with. */
export const REDACTED = '[REDACTED]';

/**
 * An attribute value as a report carries it: bigints stay exact (rendered as decimal strings), bytes become
 * base64, NaN and infinities become their names (JSON has no such numbers), and values under keys matching
 * `redact` are replaced at any depth.
 */
export function reportValue(value: AttributeValue, redact: RegExp | undefined): ReportValue {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map((item: AttributeValue) => reportValue(item, redact));
  if (value !== null && typeof value === 'object') return reportAttributes(value as Attributes, redact);
  return value;
}

/** Attributes as a report carries them (see reportValue). */
export function reportAttributes(attributes: Attributes, redact: RegExp | undefined): ReportAttributes {
  const result: Record<string, ReportValue> = {};
  for (const [key, value] of Object.entries(attributes)) {
    const shown = redact?.test(key) === true ? REDACTED : reportValue(value, redact);
    // defineProperty, not assignment: a service may name an attribute "__proto__", and it must stay a plain key.
    Object.defineProperty(result, key, { value: shown, enumerable: true, writable: true, configurable: true });
  }
  return result;
}
