/** What the page embeds at most, so a report of any size stays a file a browser opens quickly (docs/html-report.md). */
export const PAGE_LIMITS = Object.freeze({
  /** Example traces drawn as waterfalls; the rest are listed by id. */
  traces: 50,
  /** Serialised trace data across all waterfalls, in characters of JSON; shared equally between the traces. */
  traceBudgetChars: 3_000_000,
  /** Spans of one trace, earliest first. */
  spansPerTrace: 1000,
  /** Logs of one trace, earliest first. */
  logsPerTrace: 200,
  /** Attributes of one span, event or log. */
  attributes: 64,
  /** Events and links of one span. */
  events: 32,
  links: 32,
  /** Characters of one attribute value or log body as displayed (its JSON for a non-string). */
  valueChars: 1000,
  /** Characters of a name, service, route, message or reason. */
  textChars: 500,
  /** Rows of one table (routes, edges, operations, services, hygiene, findings, reasons, service output). */
  rows: 500,
  /** Example trace ids per row. */
  examples: 10,
});
