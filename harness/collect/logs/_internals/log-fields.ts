import type { AttributeValue } from '../../../model/attributes.js';
import type { UnixNano } from '../../../model/time.js';
import { attributeFromJson } from './json-attributes.js';
import { findField } from './id-field.js';
import { nanosFromField } from './log-time.js';
import { isOtelSeverityNumber, severityFromName, severityFromPinoLevel } from './severity.js';

type JsonObject = Record<string, unknown>;

// First present wins. `time` is pino's epoch ms and bunyan's ISO text; `timestamp` winston's; `ts` zap's seconds.
const TIME_FIELDS = ['time', 'timestamp', '@timestamp', 'ts', 'timeUnixNano', 'time_unix_nano'];
const SEVERITY_NUMBER_FIELDS = ['severityNumber', 'severity_number'];
const SEVERITY_TEXT_FIELDS = ['severityText', 'severity_text', 'severity', 'level', 'log.level', 'lvl'];
const BODY_FIELDS = ['msg', 'message', 'body'];

/** A field a log line's record took its value from: removed from the attributes. */
export type FieldPath = readonly string[];

/** The event time, or undefined (then the observed time stands in); `path` is the field it came from. */
export function timeField(line: JsonObject): { nanos: UnixNano; path: FieldPath } | undefined {
  const found = findField(line, TIME_FIELDS);
  if (found === undefined) return undefined;
  const nanos = nanosFromField(found.value);
  return nanos === undefined ? undefined : { nanos, path: found.path };
}

/** Severity number and text from OTel, pino/bunyan (numeric `level`), winston, Google Cloud or ECS fields. */
export function severityFields(line: JsonObject): { number: number; text: string; paths: FieldPath[] } {
  const paths: FieldPath[] = [];
  let number: number | undefined;
  const numbered = findField(line, SEVERITY_NUMBER_FIELDS);
  if (numbered !== undefined && typeof numbered.value === 'number' && isOtelSeverityNumber(numbered.value)) {
    number = numbered.value;
    paths.push(numbered.path);
  }
  const named = findField(line, SEVERITY_TEXT_FIELDS);
  let text = '';
  if (named !== undefined && typeof named.value === 'string') {
    text = named.value;
    number ??= severityFromName(text);
    paths.push(named.path);
  } else if (named !== undefined && typeof named.value === 'number') {
    // A numeric `severity` in OTel's range is OTel's; any other numeric level is pino's scale.
    if (named.field !== 'level' && isOtelSeverityNumber(named.value)) {
      number ??= named.value;
    } else {
      const pino = severityFromPinoLevel(named.value);
      number ??= pino.number;
      text = pino.text;
    }
    paths.push(named.path);
  }
  return { number: number ?? 0, text, paths };
}

/** The message: `msg` (pino, bunyan), `message` (winston, Google Cloud) or `body`; '' when none. */
export function bodyField(line: JsonObject): { body: AttributeValue; path?: FieldPath } {
  const found = findField(line, BODY_FIELDS);
  if (found === undefined) return { body: '' };
  return { body: attributeFromJson(found.value), path: found.path };
}

/** W3C trace flags from `"01"` or 1; 0 when absent or unreadable. */
export function traceFlagsOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xff) return value;
  if (typeof value === 'string' && /^[0-9a-f]{1,2}$/i.test(value)) return parseInt(value, 16);
  return undefined;
}
