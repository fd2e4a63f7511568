import { describe, expect, it } from '@jest/globals';
import { parseReport } from '../../harness/report/parse-report.js';
import type { Report } from '../../harness/report/report.js';
import { renderJsonReport } from '../../reporters/json/render-json-report.js';
import { exampleReport } from './report-example.js';

/** A deep copy of `value` with every object's keys inserted in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const entries = Object.entries(value).reverse();
  return Object.fromEntries(entries.map(([key, item]) => [key, reversedKeys(item)])) as T;
}

describe('renderJsonReport', () => {
  it('writes the fields in the documented order, whatever order the value was built in', () => {
    const report = exampleReport();
    const text = renderJsonReport(report);
    expect(renderJsonReport(reversedKeys(report))).toBe(text);
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'schemaVersion',
      'tracegateVersion',
      'verdict',
      'exitCode',
      'reasons',
      'error',
      'scenario',
      'runId',
      'seed',
      'startedAt',
      'durationMs',
      'thresholds',
      'traffic',
      'checks',
      'findings',
      'harness',
      'traces',
      'tracesOmitted',
    ]);
    const [, hops] = json.checks as Record<string, unknown>[];
    expect(Object.keys(hops!)).toEqual([
      'id',
      'status',
      'value',
      'threshold',
      'n',
      'interval',
      'note',
      'continuous',
      'examples',
      'edges',
    ]);
    const edge = (hops!.edges as Record<string, unknown>[])[1]!;
    expect(Object.keys(edge).slice(0, 6)).toEqual(['from', 'to', 'via', 'accepts', 'source', 'n']);
    expect(Object.keys(edge.interval as object)).toEqual(['low', 'high']);
  });

  it('sorts keys that have no declared order (attributes) and puts unknown fields after the known ones', () => {
    const report = { ...exampleReport(), zebra: 1, alpha: 2 } as Report;
    const json = JSON.parse(renderJsonReport(report)) as Record<string, unknown>;
    expect(Object.keys(json).slice(-3)).toEqual(['tracesOmitted', 'alpha', 'zebra']);
    const traces = json.traces as { spans: { attributes: object }[] }[];
    const attributeKeys = Object.keys(traces[0]!.spans[1]!.attributes);
    expect(attributeKeys).toEqual([...attributeKeys].sort());
  });

  it('writes int64 attribute values beyond 2^53 as exact decimal strings', () => {
    const text = renderJsonReport(exampleReport());
    expect(text).toContain('"order.total.cents": "1152921504606846976"');
  });

  it('keeps an attribute named __proto__ as a plain key', () => {
    const report = exampleReport();
    const [trace] = report.traces;
    const [span] = trace!.spans;
    const attributes = JSON.parse('{"__proto__": "x", "a": 1}') as Record<string, string>;
    const altered: Report = { ...report, traces: [{ ...trace!, spans: [{ ...span!, attributes }] }] };
    expect(renderJsonReport(altered)).toContain('"__proto__": "x"');
  });

  it('is two-space indented with a final newline, and reads back to the same text through parseReport', () => {
    const text = renderJsonReport(exampleReport());
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "tracegateVersion": "0.1.0",\n  "verdict": "FAIL",')).toBe(
      true,
    );
    expect(text.endsWith('}\n')).toBe(true);
    expect(renderJsonReport(parseReport(text))).toBe(text);
  });
});
