import { InvalidArgumentError } from '../harness/errors.js';
import { DEFAULT_SENSITIVE_KEYS, sensitiveKeyTest } from '../harness/model/sensitive-keys.js';
import type { Report } from '../harness/report/report.js';
import type { LogCorrelationCheck, ReportCheck } from '../harness/report/report-checks.js';
import type { ReportAttributes, ReportTrace, ReportValue } from '../harness/report/report-trace.js';

/** What a redacted value is replaced with (the same text `compactTrace` writes). */
export const REDACTED_VALUE = '[REDACTED]';

/** Attributes whose string values are URLs (or their query): their sensitive query parameters are hidden too. */
const URL_KEYS = new Set(['url.full', 'http.url', 'url.original', 'url.query', 'http.target']);

export interface RedactOptions {
  /** Key fragments hidden in addition to DEFAULT_SENSITIVE_KEYS (`--redact-key`, repeatable). */
  readonly keys?: readonly string[];
}

const API = 'tracegate.redactReport()';

export { DEFAULT_SENSITIVE_KEYS, sensitiveKeyTest };

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** `scheme://user:password@`: the password is what both URL values and free text hide. */
const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/[^/@:\s]*):[^/@\s]*@/gi;
const URL_USERINFO_AT_START = new RegExp(`^${URL_USERINFO.source}`, 'i');

/** Hides the password of `user:password@` and the values of sensitive query parameters, keeping the rest as is. */
function redactUrl(url: string, sensitive: (key: string) => boolean): string {
  const hash = url.indexOf('#');
  const [body, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const question = body.indexOf('?');
  let head = question < 0 ? body : body.slice(0, question);
  head = head.replace(URL_USERINFO_AT_START, `$1:${REDACTED_VALUE}@`);
  if (question < 0 && !/^[^/]*=/.test(body)) return head + fragment;
  // `url.query` holds the query alone, without the `?`.
  const query = question < 0 ? body : body.slice(question + 1);
  const prefix = question < 0 ? '' : `${head}?`;
  const params = query.split('&').map((param) => {
    const equals = param.indexOf('=');
    if (equals < 0) return param;
    return sensitive(decoded(param.slice(0, equals))) ? `${param.slice(0, equals)}=${REDACTED_VALUE}` : param;
  });
  return prefix + params.join('&') + fragment;
}

/**
 * Hides `key: value`, `key=value` and `"key": "value"` in free text (log excerpts, string bodies, service output)
 * where the key is sensitive, and the password of `scheme://user:password@`; `Bearer`/`Basic` schemes keep their name.
 */
export function redactText(text: string, sensitive: (key: string) => boolean): string {
  const withoutUserinfo = text.replace(URL_USERINFO, `$1:${REDACTED_VALUE}@`);
  return withoutUserinfo.replace(
    /(["']?)([A-Za-z0-9_.-]+)\1(\s*[:=]\s*)(?:(Bearer|Basic|Token)\s+)?("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&"'}\]]+)/g,
    (match: string, quote: string, key: string, separator: string, scheme: string | undefined, value: string) => {
      if (!sensitive(key)) return match;
      const shown =
        value.startsWith('"') || value.startsWith("'") ? `${value[0]}${REDACTED_VALUE}${value[0]}` : REDACTED_VALUE;
      return `${quote}${key}${quote}${separator}${scheme === undefined ? '' : `${scheme} `}${shown}`;
    },
  );
}

function redactValue(value: ReportValue, sensitive: (key: string) => boolean): ReportValue {
  if (Array.isArray(value)) return (value as readonly ReportValue[]).map((item) => redactValue(item, sensitive));
  if (value !== null && typeof value === 'object') return redactAttributes(value as ReportAttributes, sensitive);
  return value;
}

function redactAttributes(attributes: ReportAttributes, sensitive: (key: string) => boolean): ReportAttributes {
  const result: Record<string, ReportValue> = {};
  for (const [key, value] of Object.entries(attributes)) {
    let shown: ReportValue;
    if (sensitive(key)) shown = REDACTED_VALUE;
    else if (typeof value === 'string' && URL_KEYS.has(key)) shown = redactUrl(value, sensitive);
    else shown = redactValue(value, sensitive);
    // defineProperty, not assignment: a service may name an attribute "__proto__", and it must stay a plain key.
    Object.defineProperty(result, key, { value: shown, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

function redactTrace(trace: ReportTrace, sensitive: (key: string) => boolean): ReportTrace {
  return {
    ...trace,
    spans: trace.spans.map((span) => ({
      ...span,
      attributes: redactAttributes(span.attributes, sensitive),
      events: span.events.map((event) => ({ ...event, attributes: redactAttributes(event.attributes, sensitive) })),
    })),
    logs: trace.logs.map((log) => ({
      ...log,
      body: typeof log.body === 'string' ? redactText(log.body, sensitive) : redactValue(log.body, sensitive),
      attributes: redactAttributes(log.attributes, sensitive),
    })),
  };
}

function redactCheck(check: ReportCheck, sensitive: (key: string) => boolean): ReportCheck {
  if (check.id !== 'log-correlation') return check;
  const services: LogCorrelationCheck['services'] = check.services.map((row) => ({
    ...row,
    examples: row.examples.map((example) => ({ ...example, excerpt: redactText(example.excerpt, sensitive) })),
  }));
  return { ...check, services };
}

/**
 * The report with sensitive values replaced by "[REDACTED]": attributes of spans, events and logs whose keys
 * match (at any depth), keyed parts of log bodies, sensitive query parameters and passwords inside URL
 * attributes, and `key=value` pairs in log excerpts and service output. Pure: the input is not changed.
 */
export function redactReport(report: Report, options: RedactOptions = {}): Report {
  if (options.keys !== undefined && !Array.isArray(options.keys)) {
    throw new InvalidArgumentError(`${API}: keys must be an array of strings`);
  }
  const sensitive = sensitiveKeyTest(options.keys ?? []);
  return {
    ...report,
    error:
      report.error === null
        ? null
        : {
            ...report.error,
            message: redactText(report.error.message, sensitive),
            output: report.error.output.map((line) => redactText(line, sensitive)),
          },
    checks: report.checks.map((check) => redactCheck(check, sensitive)),
    traces: report.traces.map((trace) => redactTrace(trace, sensitive)),
  };
}
