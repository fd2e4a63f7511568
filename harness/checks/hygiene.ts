import type { HygieneCheck, HygieneRow } from '../report/report-checks.js';
import type { CheckInput, CheckResult } from './check-input.js';
import type { CheckOptions } from './check-options.js';
import type { CheckContext } from './_internals/check-context.js';
import { checkContext } from './_internals/check-context.js';
import { nameTemplate } from './_internals/name-template.js';
import { firstTraceIds } from './_internals/rate-rows.js';
import { endVersusStart, isUnended } from './_internals/span-fields.js';
import { VERBATIM_SHAPE } from '../collect/span-table/attribute-shapes.js';

/** Attribute keys that hold credentials; their presence on a span is a finding (values are never shown). */
export const SECRET_KEYS = /authorization|cookie|token|password|secret/i;

interface Tally {
  readonly code: string;
  readonly level: HygieneRow['level'];
  count: number;
  readonly examples: string[];
  readonly subjects: Set<string>;
}

/** Span names of one service and kind: each name's template, and the names sharing each template. */
interface NameGroup {
  readonly service: string;
  readonly kind: string;
  readonly seen: Map<string, string>;
  readonly templates: Map<string, TemplateTally>;
}

interface TemplateTally {
  readonly names: string[];
  readonly traceIds: string[];
}

/** Hygiene from a shared context (runChecks). */
export function hygieneOf(context: CheckContext): CheckResult<HygieneCheck> {
  const limit = context.options.exampleLimit;
  const tallies = new Map<string, Tally>();
  const note = (code: string, level: Tally['level'], traceId: string, subject: string): void => {
    let tally = tallies.get(code);
    if (tally === undefined) tallies.set(code, (tally = { code, level, count: 0, examples: [], subjects: new Set() }));
    tally.count++;
    if (tally.examples.length < limit && !tally.examples.includes(traceId)) tally.examples.push(traceId);
    if (tally.subjects.size < 5) tally.subjects.add(subject);
  };
  // Per service and kind: each distinct name's template, and the names sharing each template.
  // By service, then kind (no key string built per span); `groups` keeps first-seen order for the report.
  const byService = new Map<string, Map<string, NameGroup>>();
  const groups: NameGroup[] = [];
  const secretKey = new Map<string, boolean>();
  const isSecret = (key: string): boolean => {
    let secret = secretKey.get(key);
    if (secret === undefined) secretKey.set(key, (secret = SECRET_KEYS.test(key)));
    return secret;
  };
  const groupOf = (service: string, kind: string): NameGroup => {
    let kinds = byService.get(service);
    if (kinds === undefined) byService.set(service, (kinds = new Map<string, NameGroup>()));
    let group = kinds.get(kind);
    if (group === undefined) {
      kinds.set(kind, (group = { service, kind, seen: new Map(), templates: new Map() }));
      groups.push(group);
    }
    return group;
  };
  // Records a name not seen before in its group; returns the template tally that wants the span's trace id, if any.
  const seeName = (group: NameGroup, name: string): TemplateTally | undefined => {
    if (group.seen.has(name)) return undefined;
    const template = nameTemplate(name);
    group.seen.set(name, template);
    if (template === name) return undefined;
    let tally = group.templates.get(template);
    if (tally === undefined) group.templates.set(template, (tally = { names: [], traceIds: [] }));
    tally.names.push(name);
    return tally.traceIds.length < limit ? tally : undefined;
  };
  const isMissingService = (service: string): boolean => service === '' || service.startsWith('unknown_service');
  const spans = context.spans();
  let spanCount: number;
  if (spans !== undefined) {
    // Read in place: the same judgements from the rows, attribute keys once per shape.
    spanCount = spans.count;
    const secretsByShape: (readonly string[] | undefined)[] = [];
    const missingByOrigin: (boolean | undefined)[] = [];
    for (let p = 0; p < spans.count; p++) {
      const origin = spans.origin(p);
      const service = spans.service(p);
      const name = spans.name(p);
      seeName(groupOf(service, spans.kind(p)), name)?.traceIds.push(spans.traceId(p));
      if (spans.isUnended(p)) note('span.unended', 'warn', spans.traceId(p), `"${name}"`);
      else if (spans.endVersusStart(p) < 0) note('span.negative-duration', 'warn', spans.traceId(p), `"${name}"`);
      if ((missingByOrigin[origin] ??= isMissingService(service))) {
        note('resource.missing-service-name', 'warn', spans.traceId(p), `"${name}"`);
      }
      const shapeId = spans.shapeId(p);
      if (shapeId === VERBATIM_SHAPE) {
        for (const key in spans.span(p).attributes) {
          if (isSecret(key)) note('attribute.secret-key', 'warn', spans.traceId(p), key);
        }
        continue;
      }
      let secrets = secretsByShape[shapeId];
      if (secrets === undefined) {
        // Distinct keys: a shape made from a wire list may name a key twice, a map has it once.
        secrets = [...new Set(spans.span(p).attributeKeys())].filter((key) => isSecret(key));
        secretsByShape[shapeId] = secrets;
      }
      for (const key of secrets) note('attribute.secret-key', 'warn', spans.traceId(p), key);
    }
  } else {
    const nodes = context.index().nodes;
    spanCount = nodes.length;
    for (const { span } of nodes) {
      const service = span.resource.serviceName;
      seeName(groupOf(service, span.kind), span.name)?.traceIds.push(span.traceId);
      if (isUnended(span)) note('span.unended', 'warn', span.traceId, `"${span.name}"`);
      else if (endVersusStart(span) < 0) note('span.negative-duration', 'warn', span.traceId, `"${span.name}"`);
      if (isMissingService(service)) note('resource.missing-service-name', 'warn', span.traceId, `"${span.name}"`);
      for (const key in span.attributes) if (isSecret(key)) note('attribute.secret-key', 'warn', span.traceId, key);
    }
  }
  const problems: HygieneRow[] = [];
  const cardinality: string[] = [];
  const cardinalityTraces: string[][] = [];
  let explodedNames = 0;
  for (const group of groups) {
    const { service, kind } = group;
    for (const [template, tally] of group.templates) {
      if (tally.names.length < context.options.nameCardinalityLimit) continue;
      explodedNames += tally.names.length;
      cardinality.push(`${service} ${kind} "${template}" has ${tally.names.length} names (e.g. "${tally.names[0]}")`);
      cardinalityTraces.push(tally.traceIds);
    }
  }
  if (cardinality.length > 0) {
    problems.push({
      code: 'span.name-cardinality',
      level: 'warn',
      count: explodedNames,
      message: `span names carry ids: ${cardinality.slice(0, 5).join('; ')}`,
      examples: firstTraceIds(cardinalityTraces, limit),
    });
  }
  const words: Record<string, string> = {
    'span.unended': 'spans never ended',
    'span.negative-duration': 'spans end before they start',
    'resource.missing-service-name': 'spans without service.name',
    'attribute.secret-key': 'spans carry attributes named like credentials',
  };
  for (const tally of tallies.values()) {
    const subjects = [...tally.subjects].join(', ');
    problems.push({
      code: tally.code,
      level: tally.level,
      count: tally.count,
      message: `${tally.count} ${words[tally.code] ?? tally.code}: ${subjects}`,
      examples: tally.examples,
    });
  }
  const failing = problems.length > 0 && context.thresholds.failOnHygiene;
  const section: HygieneCheck = {
    id: 'hygiene',
    status: spanCount === 0 ? 'skip' : failing ? 'fail' : 'pass',
    value: null,
    threshold: null,
    n: spanCount,
    interval: null,
    note:
      spanCount === 0
        ? 'no span arrived'
        : problems.length > 0 && !failing
          ? 'findings are reported, not failed (failOnHygiene is off)'
          : null,
    examples: failing
      ? firstTraceIds(
          problems.map((row) => row.examples),
          limit,
        )
      : [],
    problems,
  };
  return { section, findings: [] };
}

/** Hygiene: span-name cardinality, unended or negative spans, missing service.name, credential-named attributes. */
export function hygiene(input: CheckInput, options?: CheckOptions): CheckResult<HygieneCheck> {
  return hygieneOf(checkContext(input, options));
}
