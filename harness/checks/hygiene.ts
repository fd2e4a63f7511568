import type { HygieneCheck, HygieneRow } from '../report/report-checks.js';
import type { CheckInput, CheckResult } from './check-input.js';
import type { CheckOptions } from './check-options.js';
import type { CheckContext } from './_internals/check-context.js';
import { checkContext } from './_internals/check-context.js';
import { nameTemplate } from './_internals/name-template.js';
import { firstTraceIds } from './_internals/rate-rows.js';
import { endVersusStart, isUnended } from './_internals/span-fields.js';
import { VERBATIM_SHAPE } from '../collect/span-table/attribute-shapes.js';
import type { SpanColumns } from './_internals/span-columns.js';
import { keepShape } from '../forest/_internals/keep-shape.js';
import { sensitiveKeyTest } from '../model/sensitive-keys.js';

/** Attribute keys that hold credentials (the same test redaction uses); on a span they are a finding, values never shown. */
const isSecretKey = sensitiveKeyTest();

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

const isMissingService = (service: string): boolean => service === '' || service.startsWith('unknown_service');

/** Spans read in place per call of `tallyRows`: called block after block, its loop is compiled once and kept. */
const BLOCK = 4096;

/** What hygiene counts over the spans: problems by code, and names by service and kind. */
class HygieneTally {
  readonly tallies = new Map<string, Tally>();
  // By service, then kind (no key string built per span); `groups` keeps first-seen order for the report.
  readonly byService = new Map<string, Map<string, NameGroup>>();
  readonly groups: NameGroup[] = [];
  readonly secretKey = new Map<string, boolean>();
  // Read in place: the group by origin and kind, secret keys by shape, missing service name by origin.
  readonly groupByOriginKind: (NameGroup | undefined)[] = [];
  readonly secretsByShape: (readonly string[] | undefined)[] = [];
  readonly missingByOrigin: (boolean | undefined)[] = [];
  readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  note(code: string, level: Tally['level'], traceId: string, subject: string): void {
    let tally = this.tallies.get(code);
    if (tally === undefined) {
      tally = { code, level, count: 0, examples: [], subjects: new Set() };
      this.tallies.set(code, tally);
    }
    tally.count++;
    if (tally.examples.length < this.limit && !tally.examples.includes(traceId)) tally.examples.push(traceId);
    if (tally.subjects.size < 5) tally.subjects.add(subject);
  }

  isSecret(key: string): boolean {
    let secret = this.secretKey.get(key);
    if (secret === undefined) this.secretKey.set(key, (secret = isSecretKey(key)));
    return secret;
  }

  groupOf(service: string, kind: string): NameGroup {
    let kinds = this.byService.get(service);
    if (kinds === undefined) this.byService.set(service, (kinds = new Map<string, NameGroup>()));
    let group = kinds.get(kind);
    if (group === undefined) {
      kinds.set(kind, (group = { service, kind, seen: new Map(), templates: new Map() }));
      this.groups.push(group);
    }
    return group;
  }

  // Records a name not seen before in its group; returns the template tally that wants the span's trace id, if any.
  seeName(group: NameGroup, name: string): TemplateTally | undefined {
    if (group.seen.has(name)) return undefined;
    const template = nameTemplate(name);
    group.seen.set(name, template);
    if (template === name) return undefined;
    let tally = group.templates.get(template);
    if (tally === undefined) group.templates.set(template, (tally = { names: [], traceIds: [] }));
    tally.names.push(name);
    return tally.traceIds.length < this.limit ? tally : undefined;
  }
}

keepShape(new HygieneTally(0));

// Read in place: the same judgements from the rows, attribute keys once per shape.
function tallyRows(tally: HygieneTally, spans: SpanColumns, from: number, to: number): void {
  for (let p = from; p < to; p++) {
    const origin = spans.origin(p);
    const kind = spans.kindIndex(p);
    const name = spans.name(p);
    let group = tally.groupByOriginKind[origin * 8 + kind];
    if (group === undefined) {
      group = tally.groupOf(spans.originService(origin), spans.kind(p));
      tally.groupByOriginKind[origin * 8 + kind] = group;
    }
    tally.seeName(group, name)?.traceIds.push(spans.traceId(p));
    if (spans.isUnended(p)) tally.note('span.unended', 'warn', spans.traceId(p), `"${name}"`);
    else if (spans.endVersusStart(p) < 0) tally.note('span.negative-duration', 'warn', spans.traceId(p), `"${name}"`);
    if ((tally.missingByOrigin[origin] ??= isMissingService(spans.originService(origin)))) {
      tally.note('resource.missing-service-name', 'warn', spans.traceId(p), `"${name}"`);
    }
    const shapeId = spans.shapeId(p);
    if (shapeId === VERBATIM_SHAPE) {
      for (const key in spans.span(p).attributes) {
        if (tally.isSecret(key)) tally.note('attribute.secret-key', 'warn', spans.traceId(p), key);
      }
      continue;
    }
    let secrets = tally.secretsByShape[shapeId];
    if (secrets === undefined) {
      // Distinct keys: a shape made from a wire list may name a key twice, a map has it once.
      secrets = [...new Set(spans.span(p).attributeKeys())].filter((key) => tally.isSecret(key));
      tally.secretsByShape[shapeId] = secrets;
    }
    for (const key of secrets) tally.note('attribute.secret-key', 'warn', spans.traceId(p), key);
  }
}

/** Hygiene from a shared context (runChecks). */
export function hygieneOf(context: CheckContext): CheckResult<HygieneCheck> {
  const limit = context.options.exampleLimit;
  const tally = new HygieneTally(limit);
  const { tallies, groups } = tally;
  const spans = context.spans();
  let spanCount: number;
  if (spans !== undefined) {
    spanCount = spans.count;
    for (let from = 0; from < spanCount; from += BLOCK)
      tallyRows(tally, spans, from, Math.min(spanCount, from + BLOCK));
  } else {
    const nodes = context.index().nodes;
    spanCount = nodes.length;
    for (const { span } of nodes) {
      const service = span.resource.serviceName;
      tally.seeName(tally.groupOf(service, span.kind), span.name)?.traceIds.push(span.traceId);
      if (isUnended(span)) tally.note('span.unended', 'warn', span.traceId, `"${span.name}"`);
      else if (endVersusStart(span) < 0) tally.note('span.negative-duration', 'warn', span.traceId, `"${span.name}"`);
      if (isMissingService(service)) {
        tally.note('resource.missing-service-name', 'warn', span.traceId, `"${span.name}"`);
      }
      for (const key in span.attributes) {
        if (tally.isSecret(key)) tally.note('attribute.secret-key', 'warn', span.traceId, key);
      }
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
    'attribute.secret-key': 'span attributes are named like credentials',
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
