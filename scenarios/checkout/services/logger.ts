import { ROOT_CONTEXT, TraceFlags, propagation, trace } from '@opentelemetry/api';
import type { AnyValueMap, LoggerProvider } from '@opentelemetry/api-logs';
import pino from 'pino';
import type { Role } from './config.js';

/** Pino levels to OpenTelemetry severity numbers. */
const SEVERITY: Readonly<Record<number, number>> = { 10: 1, 20: 5, 30: 9, 40: 13, 50: 17, 60: 21 };
const OWN_FIELDS = new Set(['level', 'time', 'msg', 'trace_id', 'span_id', 'trace_flags', 'pid', 'hostname']);

/** What a role's logger writes to, besides OTLP. */
export interface LoggerOptions {
  /** Also write the JSON lines to stdout (only the process's own role: stdout is read as that service's). */
  readonly stdout: boolean;
  /** Extra fields per line, evaluated when the line is written (the log-leak fault reads a module variable). */
  readonly fields?: () => Record<string, unknown>;
}

/**
 * A destination that writes each pino line to stdout (optionally) and emits it as an OTLP log record through the
 * role's logger provider, with the trace and span ids the line itself carries — so a line without ids (log-no-ids)
 * or with another request's ids (log-leak) is exported exactly as wrong as it was written.
 */
function destination(provider: LoggerProvider, role: Role, stdout: boolean): { write(line: string): void } {
  const logger = provider.getLogger(`checkout.${role}`);
  return {
    write(line: string) {
      if (stdout) process.stdout.write(line);
      let fields: Record<string, unknown>;
      try {
        fields = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      const traceId = fields['trace_id'];
      const spanId = fields['span_id'];
      const ids =
        typeof traceId === 'string' && typeof spanId === 'string'
          ? trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: TraceFlags.SAMPLED, isRemote: true })
          : ROOT_CONTEXT;
      const attributes: AnyValueMap = {};
      for (const [key, value] of Object.entries(fields)) {
        if (!OWN_FIELDS.has(key)) attributes[key] = value as AnyValueMap[string];
      }
      const level = typeof fields['level'] === 'number' ? fields['level'] : 30;
      logger.emit({
        body: typeof fields['msg'] === 'string' ? fields['msg'] : '',
        severityNumber: SEVERITY[level] ?? 9,
        severityText: pino.levels.labels[level]?.toUpperCase() ?? 'INFO',
        timestamp: typeof fields['time'] === 'number' ? fields['time'] : Date.now(),
        attributes,
        context: ids,
      });
    },
  };
}

/** The baggage of the current request as log fields (tracegate's `tracegate.req` names the request a line is about). */
function baggageFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, entry] of propagation.getActiveBaggage()?.getAllEntries() ?? []) fields[key] = entry.value;
  return fields;
}

/**
 * The JSON logger of one role. Trace and span ids come from instrumentation-pino's log injection (the ids of the
 * span active when the line is written); `options.fields` wins over them, as a hand-written pino mixin does.
 */
export function createLogger(role: Role, provider: LoggerProvider, options: LoggerOptions): pino.Logger {
  const extra = options.fields;
  return pino(
    {
      base: { service: role },
      mixin: () => (extra === undefined ? baggageFields() : { ...baggageFields(), ...extra() }),
    },
    destination(provider, role, options.stdout),
  );
}
