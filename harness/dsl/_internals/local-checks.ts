import type { ResolvedLink } from '../../forest/span-node.js';
import type { SpanEvent, SpanRecord } from '../../model/span.js';
import { durationNanos } from '../../model/time.js';
import { absent } from '../pattern-options.js';
import type { AttributeConstraint, EventConstraint, LinkConstraint, SpanPattern } from '../span-pattern.js';
import { attributeHolds, attributesHold } from './attribute-check.js';
import { inRange } from './count-range.js';
import { formatDuration, formatEvent, formatLink, formatService } from './format-local.js';
import { formatMillis } from './format-millis.js';
import { formatAttribute, formatKey, formatText, formatValue, formatWord } from './format-value.js';

/** One constraint of a pattern on a single span, with words for what it wants and what a span has. */
export interface LocalCheck {
  readonly constraint: string;
  holds(span: SpanRecord, links: readonly ResolvedLink[]): boolean;
  actual(span: SpanRecord, links: readonly ResolvedLink[]): string;
}

const textHolds = (expected: string | RegExp, actual: string): boolean =>
  typeof expected === 'string' ? expected === actual : expected.test(actual);

const millisOf = (span: SpanRecord): number => Number(durationNanos(span)) / 1e6;

const eventHolds = (event: EventConstraint, actual: SpanEvent): boolean =>
  (event.name === undefined || textHolds(event.name, actual.name)) &&
  attributesHold(event.attributes, actual.attributes);

const linkHolds = (link: LinkConstraint, actual: ResolvedLink): boolean =>
  attributesHold(link.attributes, actual.link.attributes) &&
  (link.target === undefined || (actual.target !== undefined && holdsLocally(link.target, actual.target, [])));

function attributeCheck(constraint: AttributeConstraint): LocalCheck {
  return {
    constraint: formatAttribute(constraint.key, constraint.expected),
    holds: (span) => attributeHolds(constraint, span.attributes),
    actual: (span) =>
      Object.hasOwn(span.attributes, constraint.key)
        ? `${formatKey(constraint.key)}=${formatValue(span.attributes[constraint.key]!)}`
        : `no ${formatKey(constraint.key)}`,
  };
}

function eventCheck(event: EventConstraint): LocalCheck {
  const count = (span: SpanRecord) => span.events.filter((actual) => eventHolds(event, actual)).length;
  return {
    constraint: formatEvent(event),
    holds: (span) => inRange(event.count, count(span)),
    actual: (span) =>
      span.events.length === 0
        ? 'no events'
        : `events ${span.events.map((actual) => formatWord(actual.name)).join(', ')} (${count(span)} matching)`,
  };
}

function linkCheck(link: LinkConstraint): LocalCheck {
  const count = (links: readonly ResolvedLink[]) => links.filter((actual) => linkHolds(link, actual)).length;
  return {
    constraint: formatLink(link),
    holds: (_span, links) => inRange(link.count, count(links)),
    actual: (_span, links) =>
      links.length === 0
        ? 'no links'
        : `${plural(links.length, 'link')} (${count(links)} matching): ${links.map(describeLink).join(', ')}`,
  };
}

function durationCheck(pattern: SpanPattern): LocalCheck | undefined {
  const bounds = pattern.duration;
  if (bounds === undefined) return undefined;
  const { minMs = -Infinity, maxMs = Infinity, aboveMs = -Infinity, belowMs = Infinity } = bounds;
  return {
    constraint: formatDuration(bounds)
      .replace(/^\[|\]$/g, '')
      .replaceAll('][', ' '),
    holds: (span) => {
      const ms = millisOf(span);
      return ms >= minMs && ms <= maxMs && ms > aboveMs && ms < belowMs;
    },
    actual: (span) => `duration=${formatMillis(millisOf(span))}`,
  };
}

function buildChecks(pattern: SpanPattern): LocalCheck[] {
  const checks: (LocalCheck | undefined)[] = [];
  const { kind, name, service, status } = pattern;
  if (kind !== undefined) checks.push({ constraint: kind, holds: (s) => s.kind === kind, actual: (s) => s.kind });
  if (name !== undefined) {
    checks.push({
      constraint: formatText(name),
      holds: (s) => textHolds(name, s.name),
      actual: (s) => formatText(s.name),
    });
  }
  if (service !== undefined) {
    checks.push({
      constraint: formatService(service),
      holds: (s) => textHolds(service, s.resource.serviceName),
      actual: (s) => formatService(s.resource.serviceName),
    });
  }
  // Absence checks run last among attributes: they rarely reject, so the cheaper rejections come first.
  const attributes = [...pattern.attributes].sort(
    (a, b) => Number(a.expected === absent) - Number(b.expected === absent),
  );
  checks.push(...attributes.map(attributeCheck));
  if (status !== undefined) {
    checks.push({
      constraint: `status=${status}`,
      holds: (s) => s.status.code === status,
      actual: (s) => `status=${s.status.code}`,
    });
  }
  checks.push(...pattern.events.map(eventCheck), ...pattern.links.map(linkCheck), durationCheck(pattern));
  if (pattern.mustBeRoot) {
    checks.push({
      constraint: ':root',
      holds: (s) => s.parentSpanId === '',
      actual: (s) => `parent ${s.parentSpanId}`,
    });
  }
  return checks.filter((check) => check !== undefined);
}

const CHECKS = new WeakMap<SpanPattern, readonly LocalCheck[]>();

/** The pattern's own constraints as checks, cheapest and most selective first (kind, name, service, …). */
export function localChecks(pattern: SpanPattern): readonly LocalCheck[] {
  let checks = CHECKS.get(pattern);
  if (checks === undefined) CHECKS.set(pattern, (checks = buildChecks(pattern)));
  return checks;
}

/** True when a span satisfies the pattern's own constraints (its children are not looked at). */
export function holdsLocally(pattern: SpanPattern, span: SpanRecord, links: readonly ResolvedLink[]): boolean {
  for (const check of localChecks(pattern)) if (!check.holds(span, links)) return false;
  return true;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// Naming each link's target lets a reader see which producer lost its link, not just how many remain.
function describeLink({ link, target }: ResolvedLink): string {
  if (target === undefined) return `-> ${link.spanId} in trace ${link.traceId} (not received)`;
  return `-> ${target.kind} ${formatWord(target.name)} [${target.resource.serviceName}] ${target.spanId}`;
}
