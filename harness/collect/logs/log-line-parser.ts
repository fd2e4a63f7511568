import { EMPTY_ATTRIBUTES } from '../../model/attributes.js';
import type { Attributes } from '../../model/attributes.js';
import { SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH } from '../../model/ids.js';
import type { LogRecord } from '../../model/log.js';
import type { Resource, Scope } from '../../model/span.js';
import { attributeFromJson } from './_internals/json-attributes.js';
import { checkId } from './_internals/id-check.js';
import type { IdProblemReason } from './_internals/id-check.js';
import { findField, withoutPath } from './_internals/id-field.js';
import { bodyField, severityFields, timeField, traceFlagsOf } from './_internals/log-fields.js';
import type { FieldPath } from './_internals/log-fields.js';
import { DEFAULT_TRACE_FLAGS_FIELDS, resolveLogLineOptions } from './log-line-options.js';
import type { LogLineOptions, ResolvedLogLineOptions } from './log-line-options.js';

export type { IdProblemReason } from './_internals/id-check.js';

/** An id field that was present but unusable: kept as an attribute, not as the record's id. */
export interface IdProblem {
  readonly field: string;
  readonly reason: IdProblemReason;
}

/** One parsed line: its record, whether it was a JSON object, and what was wrong with it. */
export interface ParsedLogLine {
  readonly record: LogRecord;
  readonly structured: boolean;
  readonly truncated: boolean;
  readonly idProblems: readonly IdProblem[];
}

/** The attribute marking a record whose line was cut at the length cap. */
export const TRUNCATED_ATTRIBUTE = 'tracegate.log.truncated';
const TRUNCATED_ATTRIBUTES: Attributes = Object.freeze({ [TRUNCATED_ATTRIBUTE]: true });
const SCOPE: Scope = Object.freeze({ name: 'tracegate.log-lines', version: '', attributes: EMPTY_ATTRIBUTES });
const API = 'tracegate.LogLineParser()';

type JsonObject = Record<string, unknown>;

function jsonObject(text: string): JsonObject | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns log lines into LogRecords: JSON objects from pino, bunyan, winston and OTel-shaped loggers become
 * structured records with ids, time and severity; any other line becomes a record with the line as its body.
 */
export class LogLineParser {
  readonly #options: ResolvedLogLineOptions;
  readonly #resource: Resource;

  constructor(options: LogLineOptions) {
    this.#options = resolveLogLineOptions(options, API);
    const service = this.#options.service;
    this.#resource = Object.freeze({ serviceName: service, attributes: Object.freeze({ 'service.name': service }) });
  }

  /** Longest line kept whole, in characters. */
  get maxLineChars(): number {
    return this.#options.maxLineChars;
  }

  /** The record for one line (without its newline), or undefined for a blank line. */
  parse(line: string, truncated = false): ParsedLogLine | undefined {
    if (line.trim() === '') return undefined;
    const observed = this.#options.observedNow();
    const text = line.length > this.#options.maxLineChars ? line.slice(0, this.#options.maxLineChars) : line;
    const cut = truncated || text !== line;
    const object = cut ? undefined : jsonObject(text);
    if (object === undefined) {
      const attributes = cut ? TRUNCATED_ATTRIBUTES : EMPTY_ATTRIBUTES;
      return {
        record: this.#record(observed, observed, 0, '', text, attributes, '', '', 0),
        structured: false,
        truncated: cut,
        idProblems: [],
      };
    }
    return this.#structured(object, observed);
  }

  #structured(line: JsonObject, observed: bigint): ParsedLogLine {
    const consumed: FieldPath[] = [];
    const idProblems: IdProblem[] = [];
    const id = (fields: readonly string[], hexLength: number): string => {
      const found = findField(line, fields);
      if (found === undefined || found.value === '' || found.value === null) return '';
      const checked = checkId(found.value, hexLength);
      if ('reason' in checked) {
        idProblems.push({ field: found.field, reason: checked.reason });
        return '';
      }
      consumed.push(found.path);
      return checked.id;
    };
    const traceId = id(this.#options.traceIdFields, TRACE_ID_HEX_LENGTH);
    const spanId = id(this.#options.spanIdFields, SPAN_ID_HEX_LENGTH);
    const flagsField = findField(line, DEFAULT_TRACE_FLAGS_FIELDS);
    const traceFlags = flagsField === undefined ? undefined : traceFlagsOf(flagsField.value);
    if (flagsField !== undefined && traceFlags !== undefined) consumed.push(flagsField.path);
    const time = timeField(line);
    if (time !== undefined) consumed.push(time.path);
    const severity = severityFields(line);
    consumed.push(...severity.paths);
    const body = bodyField(line);
    if (body.path !== undefined) consumed.push(body.path);
    let rest = line;
    for (const path of consumed) rest = withoutPath(rest, path);
    const attributes = attributeFromJson(rest) as Attributes;
    const record = this.#record(
      time?.nanos ?? observed,
      observed,
      severity.number,
      severity.text,
      body.body,
      attributes,
      traceId,
      spanId,
      traceFlags ?? 0,
    );
    return { record, structured: true, truncated: false, idProblems };
  }

  #record(
    timeUnixNano: bigint,
    observedTimeUnixNano: bigint,
    severityNumber: number,
    severityText: string,
    body: LogRecord['body'],
    attributes: Attributes,
    traceId: string,
    spanId: string,
    traceFlags: number,
  ): LogRecord {
    return {
      timeUnixNano,
      observedTimeUnixNano,
      severityNumber,
      severityText,
      body,
      attributes,
      traceId,
      spanId,
      traceFlags,
      service: this.#options.service,
      resource: this.#resource,
      scope: SCOPE,
      source: this.#options.source,
    };
  }
}
