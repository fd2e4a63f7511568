import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ErrorCode, InvalidReportError } from '../../harness/errors.js';
import { parseReport } from '../../harness/report/parse-report.js';
import { renderJsonReport } from '../../reporters/json/render-json-report.js';
import { exampleReport } from './report-example.js';

type Json = Record<string, unknown>;

const schema = JSON.parse(
  readFileSync(new URL('../../reporters/json/report.schema.json', import.meta.url), 'utf8'),
) as Json;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

/** The example report as a pipeline reads it: parsed from the rendered text. */
function exampleJson(): Json {
  return JSON.parse(renderJsonReport(exampleReport())) as Json;
}

/** ajv's verdict on `value`, with its errors as "pointer: message" lines. */
function ajvErrors(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => {
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    return `${error.instancePath}${missing === undefined ? '' : `/${missing}`}: ${error.message ?? ''}`;
  });
}

/** parseReport's problems for `value` (none when it accepts it). */
function parseProblems(value: unknown): string[] {
  try {
    parseReport(JSON.stringify(value));
    return [];
  } catch (error) {
    if (error instanceof InvalidReportError) return [...error.problems];
    throw error;
  }
}

describe('report.schema.json', () => {
  it('is a draft 2020-12 schema that compiles in strict mode', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof validate).toBe('function');
  });

  it('accepts the full example report, and so does parseReport', () => {
    const json = exampleJson();
    expect(ajvErrors(json)).toEqual([]);
    expect(parseReport(JSON.stringify(json))).toEqual(json);
  });

  it('accepts a report with fields it does not know, as version 1 readers must', () => {
    const json = exampleJson();
    json.pipeline = { job: 42 };
    (json.harness as Json).spansSampledAway = 3;
    expect(ajvErrors(json)).toEqual([]);
    expect(parseProblems(json)).toEqual([]);
  });

  it('requires every field DESIGN.md lists for version 1', () => {
    const defs = schema.$defs as Record<string, { required: string[] }>;
    const requires = (required: string[], fields: string): void => {
      for (const field of fields.split(' ')) expect(required).toContain(field);
    };
    requires(schema.required as string[], 'schemaVersion verdict scenario runId seed startedAt durationMs');
    requires(schema.required as string[], 'traffic checks findings harness');
    requires(defs.traffic!.required, 'sent completed failed durationMs');
    for (const check of ['rootCoverageCheck', 'hopContinuityCheck', 'errorRecordingCheck', 'logCorrelationCheck']) {
      requires(defs[check]!.required, 'id status value threshold n interval examples');
    }
    requires(defs.rootCoverageCheck!.required, 'routes');
    requires(defs.routeCoverage!.required, 'route n covered rate interval examples');
    requires(defs.hopContinuityCheck!.required, 'edges');
    requires(defs.hopEdge!.required, 'from to via n continuous rate breaks examples attribution');
    requires(
      (defs.hopEdge as unknown as Json & { properties: { breaks: { required: string[] } } }).properties.breaks.required,
      'restarted orphaned missing late unsampled',
    );
    requires(defs.finding!.required, 'level code message');
    requires(defs.harness!.required, 'spansReceived logsReceived spansRejected lateSpans timeToVerdictMs');
  });
});

describe('a mutated report fails the schema and parseReport, both naming the field', () => {
  const at = (json: Json, ...path: (string | number)[]): Json =>
    path.reduce<Json>((node, key) => (node as Record<string | number, unknown>)[key] as Json, json);

  it.each<[string, (json: Json) => void, string, string]>([
    ['a missing top-level field', (json) => delete json.runId, '/runId', 'runId: missing; expected a non-empty string'],
    [
      'an unknown verdict',
      (json) => (json.verdict = 'MAYBE'),
      '/verdict',
      'verdict: expected one of "PASS", "FAIL", "INCONCLUSIVE", "ERROR", got "MAYBE"',
    ],
    [
      'a rate of the wrong type deep in an edge',
      (json) => (at(json, 'checks', 1, 'edges', 1).rate = '0.91'),
      '/checks/1/edges/1/rate',
      'checks[1].edges[1].rate: expected a number from 0 to 1 or null, got "0.91"',
    ],
    [
      'a negative count',
      (json) => (at(json, 'harness').spansRejected = -1),
      '/harness/spansRejected',
      'harness.spansRejected: expected a non-negative integer, got -1',
    ],
    [
      'an unknown check id',
      (json) => (at(json, 'checks', 0).id = 'coverage'),
      '/checks/0/id',
      'checks[0].id: expected one of "root-coverage", "hop-continuity", "error-recording", "log-correlation", "hygiene", got "coverage"',
    ],
    [
      'a missing row field',
      (json) => delete at(json, 'checks', 2, 'operations', 0).recorded,
      '/checks/2/operations/0/recorded',
      'checks[2].operations[0].recorded: missing; expected a non-negative integer',
    ],
    [
      'a break class count of the wrong type',
      (json) => (at(json, 'checks', 1, 'edges', 1, 'breaks').restarted = null),
      '/checks/1/edges/1/breaks/restarted',
      'checks[1].edges[1].breaks.restarted: expected a non-negative integer, got null',
    ],
    [
      'a malformed span id in an example trace',
      (json) => (at(json, 'traces', 0, 'spans', 0).spanId = 'XYZ'),
      '/traces/0/spans/0/spanId',
      'traces[0].spans[0].spanId: expected a span id (16 lowercase hex characters), got "XYZ"',
    ],
    [
      'a start time that is not ISO 8601 UTC',
      (json) => (json.startedAt = '2025-03-01 12:00'),
      '/startedAt',
      'startedAt: expected an ISO 8601 time in UTC such as 2025-03-01T12:00:00.000Z, got "2025-03-01 12:00"',
    ],
    [
      'an unknown gate mode',
      (json) => (at(json, 'thresholds').gateOn = 'upper'),
      '/thresholds/gateOn',
      'thresholds.gateOn: expected one of "estimate", "lower-bound", got "upper"',
    ],
    [
      'a finding trace id that is a number',
      (json) => (at(json, 'findings', 1).traceId = 42),
      '/findings/1/traceId',
      "findings[1].traceId: expected a trace id (32 lowercase hex characters) or '', got 42",
    ],
    [
      'an interval that is not an object',
      (json) => (at(json, 'checks', 0).interval = [0.9, 1]),
      '/checks/0/interval',
      'checks[0].interval: expected an object or null, got an array',
    ],
    [
      'a missing nested object',
      (json) => delete at(json, 'traffic').correlation,
      '/traffic/correlation',
      'traffic.correlation: missing; expected an object',
    ],
    [
      'an exit code outside 0-3',
      (json) => (json.exitCode = 4),
      '/exitCode',
      'exitCode: expected one of 0, 1, 2, 3, got 4',
    ],
  ])('%s', (_, mutate, pointer, problem) => {
    const json = exampleJson();
    mutate(json);
    expect(ajvErrors(json).some((error) => error.startsWith(`${pointer}:`))).toBe(true);
    expect(parseProblems(json)).toContain(problem);
  });

  it('a report of another version is refused once, saying which version this tracegate reads', () => {
    const json = exampleJson();
    json.schemaVersion = 2;
    expect(ajvErrors(json)).toContainEqual(expect.stringMatching(/^\/schemaVersion: /));
    expect(parseProblems(json)).toEqual(['schemaVersion: expected 1, got 2; this tracegate reads version 1 reports']);
  });
});

describe('parseReport errors', () => {
  it('throws InvalidReportError with a stable code, every problem, and the first five in the message', () => {
    const json = exampleJson();
    for (const key of ['runId', 'seed', 'scenario', 'startedAt', 'durationMs', 'traffic', 'harness']) delete json[key];
    let thrown: unknown;
    try {
      parseReport(JSON.stringify(json));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidReportError);
    const error = thrown as InvalidReportError;
    expect(error.code).toBe(ErrorCode.InvalidReport);
    expect(error.problems).toHaveLength(7);
    expect(error.message).toBe(
      'tracegate.parseReport(): not a valid report: scenario: missing; expected a non-empty string; ' +
        'runId: missing; expected a non-empty string; seed: missing; expected an integer; ' +
        'startedAt: missing; expected an ISO 8601 time in UTC such as 2025-03-01T12:00:00.000Z; ' +
        'durationMs: missing; expected a non-negative number of milliseconds; and 2 more',
    );
  });

  it('says when the text is not JSON at all, or not an object', () => {
    expect(() => parseReport('{"verdict": PASS}')).toThrow(/^tracegate\.parseReport\(\): not JSON: /);
    expect(() => parseReport('[1, 2]')).toThrow(
      'tracegate.parseReport(): not a valid report: (report): expected an object, got an array',
    );
    expect(() => parseReport('null')).toThrow('(report): expected an object, got null');
  });
});
