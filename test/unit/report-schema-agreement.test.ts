import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { InvalidReportError } from '../../harness/errors.js';
import { parseReport } from '../../harness/report/parse-report.js';
import { renderJsonReport } from '../../reporters/json/render-json-report.js';
import { exampleReport } from './report-example.js';

type Path = readonly (string | number)[];
type Container = Record<string | number, unknown>;

const schema = JSON.parse(
  readFileSync(new URL('../../reporters/json/report.schema.json', import.meta.url), 'utf8'),
) as object;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
const EXAMPLE_TEXT = renderJsonReport(exampleReport());

/** Every path into `value` (containers and leaves), so a mutation can land anywhere. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path];
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [path, ...keys.flatMap((key) => pathsOf((value as Container)[key], [...path, key]))];
}
const PATHS = pathsOf(JSON.parse(EXAMPLE_TEXT)).filter((path) => path.length > 0);

// Replacement values: wrong types, edge numbers, and values that are right for some fields and wrong for others.
const REPLACEMENTS: readonly unknown[] = [
  null,
  0,
  1,
  -1,
  0.5,
  1.5,
  2,
  1e21,
  '',
  'x',
  'PASS',
  'fail',
  'hop-continuity',
  '4bf92f3577b34da6a3ce929d0e0e4736',
  '00f067aa0ba902b7',
  '2025-03-01T12:00:00Z',
  '123',
  true,
  [],
  ['x'],
  {},
  { low: 0, high: 1 },
];

type Mutation =
  | { readonly kind: 'replace'; readonly path: Path; readonly value: unknown }
  | { readonly kind: 'delete'; readonly path: Path }
  | { readonly kind: 'add'; readonly path: Path; readonly key: string; readonly value: unknown };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('replace' as const),
    path: fc.constantFrom(...PATHS),
    value: fc.constantFrom(...REPLACEMENTS),
  }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...PATHS) }),
  fc.record({
    kind: fc.constant('add' as const),
    path: fc.constantFrom([], ...PATHS),
    key: fc.constantFrom('extra', 'id', 'n', 'status'),
    value: fc.constantFrom(...REPLACEMENTS),
  }),
);

function apply(json: unknown, mutation: Mutation): unknown {
  if (mutation.path.length === 0 && mutation.kind !== 'add') return mutation.kind === 'replace' ? mutation.value : {};
  const parentPath = mutation.kind === 'add' ? mutation.path : mutation.path.slice(0, -1);
  // An earlier mutation may have removed part of the path: then this one has nothing to change.
  const parent = parentPath.reduce<unknown>(
    (node, key) => (node !== null && typeof node === 'object' ? (node as Container)[key] : undefined),
    json,
  );
  if (parent === null || typeof parent !== 'object') return json;
  const container = parent as Container;
  if (mutation.kind === 'add') {
    if (!Array.isArray(container)) container[mutation.key] = mutation.value;
  } else if (mutation.kind === 'delete') {
    if (Array.isArray(container)) container.splice(mutation.path.at(-1) as number, 1);
    else delete container[mutation.path.at(-1)!];
  } else {
    container[mutation.path.at(-1)!] = mutation.value;
  }
  return json;
}

function parseAccepts(json: unknown): boolean {
  try {
    parseReport(JSON.stringify(json));
    return true;
  } catch (error) {
    if (error instanceof InvalidReportError) return false;
    throw error;
  }
}

describe('the shipped schema and parseReport agree', () => {
  it('on every mutation of the example report: one, two or three fields changed, deleted or added', () => {
    let rejected = 0;
    fc.assert(
      fc.property(fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }), (mutations) => {
        const json = mutations.reduce<unknown>(apply, JSON.parse(EXAMPLE_TEXT));
        const schemaAccepts = validate(json);
        if (!schemaAccepts) rejected++;
        expect({ mutations, parseAccepts: parseAccepts(json) }).toEqual({ mutations, parseAccepts: schemaAccepts });
      }),
      { numRuns: 2000 },
    );
    // Most mutations break the report; the agreement must not come from accepting everything.
    expect(rejected).toBeGreaterThan(1000);
  });
});
