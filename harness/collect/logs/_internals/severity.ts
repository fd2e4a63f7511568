/** OTel severity numbers for the start of each range (TRACE 1–4 … FATAL 21–24). */
const TRACE = 1;
const DEBUG = 5;
const INFO = 9;
const WARN = 13;
const ERROR = 17;
const FATAL = 21;

// Level names of pino/bunyan, winston (npm and syslog levels), log4j, Google Cloud and ECS, lowercased.
const BY_NAME: ReadonlyMap<string, number> = new Map([
  ['trace', TRACE],
  ['silly', TRACE],
  ['finest', TRACE],
  ['debug', DEBUG],
  ['verbose', DEBUG],
  ['fine', DEBUG],
  ['http', DEBUG],
  ['default', 0],
  ['info', INFO],
  ['information', INFO],
  ['notice', INFO + 2],
  ['warn', WARN],
  ['warning', WARN],
  ['error', ERROR],
  ['err', ERROR],
  ['crit', FATAL - 2],
  ['critical', FATAL - 2],
  ['alert', FATAL],
  ['fatal', FATAL],
  ['emerg', FATAL + 2],
  ['emergency', FATAL + 2],
  ['panic', FATAL + 2],
]);

const PINO_NAMES = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

/** The OTel severity number for a level name, or 0 (unspecified) when the name is unknown. */
export function severityFromName(name: string): number {
  return BY_NAME.get(name.toLowerCase()) ?? 0;
}

/** pino and bunyan levels: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal (custom levels in between). */
export function severityFromPinoLevel(level: number): { readonly number: number; readonly text: string } {
  const step = Math.min(5, Math.max(0, Math.floor(level / 10) - 1));
  const base = [TRACE, DEBUG, INFO, WARN, ERROR, FATAL][step]!;
  const within = Math.min(3, Math.max(0, Math.floor((level % 10) / 2.5)));
  return { number: level < 10 ? 0 : base + within, text: PINO_NAMES[step]! };
}

/** True for a number OTel defines as a severity (1–24). */
export function isOtelSeverityNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 24;
}
