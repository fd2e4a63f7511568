import { InvalidArgumentError } from '../../errors.js';
import type { StatusCode } from '../../model/span.js';
import type {
  AttributeExpectations,
  DurationBounds,
  EventPattern,
  LinkPattern,
  SpanPatternOptions,
} from '../pattern-options.js';
import { absent, present } from '../pattern-options.js';
import type { AttributeConstraint, EventConstraint, LinkConstraint, SpanPatternParts } from '../span-pattern.js';
import { SpanPattern } from '../span-pattern.js';
import { toCountRange } from './count-range.js';
import { stableRegExp } from './stable-regexp.js';

type OptionParts = Pick<
  SpanPatternParts,
  'service' | 'attributes' | 'status' | 'events' | 'links' | 'duration' | 'mustBeRoot'
>;

const OPTION_KEYS = ['service', 'attributes', 'status', 'events', 'links', 'duration', 'root'];
const STATUSES: readonly StatusCode[] = ['unset', 'ok', 'error'];
const DURATION_KEYS = ['minMs', 'maxMs', 'aboveMs', 'belowMs'] as const;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp);

function rejectUnknownKeys(value: Record<string, unknown>, known: readonly string[], api: string, what: string) {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new InvalidArgumentError(`${api}: unknown ${what} "${key}" (expected one of ${known.join(', ')})`);
    }
  }
}

/** A name, service or event name: a string or a RegExp (cloned so `lastIndex` can never leak between tests). */
export function textMatcher(value: unknown, api: string, what: string): string | RegExp | undefined {
  if (value === undefined || typeof value === 'string') return value;
  if (value instanceof RegExp) return stableRegExp(value);
  throw new InvalidArgumentError(`${api}: ${what} must be a string or RegExp`);
}

function isAttributeValue(value: unknown): boolean {
  if (value === null || value instanceof Uint8Array) return true;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return true;
    case 'object':
      return Array.isArray(value) ? value.every(isAttributeValue) : Object.values(value).every(isAttributeValue);
    default:
      return false;
  }
}

function attributeConstraints(value: unknown, api: string, what: string): AttributeConstraint[] {
  if (value === undefined) return [];
  if (!isPlainObject(value)) throw new InvalidArgumentError(`${api}: ${what} must be an object keyed by attribute`);
  return Object.entries(value).map(([key, expected]) => {
    if (expected instanceof RegExp) return Object.freeze({ key, expected: stableRegExp(expected) });
    const usable = expected === present || expected === absent || typeof expected === 'function';
    if (!usable && !isAttributeValue(expected)) {
      throw new InvalidArgumentError(
        `${api}: ${what}["${key}"] must be an attribute value, a RegExp, a predicate, present or absent`,
      );
    }
    return Object.freeze({ key, expected: expected as AttributeExpectations[string] });
  });
}

function listOf(value: unknown, api: string, what: string): Record<string, unknown>[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isPlainObject)) {
    throw new InvalidArgumentError(`${api}: ${what} must be an array of objects`);
  }
  return value;
}

function eventConstraint(event: Record<string, unknown>, api: string, i: number): EventConstraint {
  const what = `events[${i}]`;
  rejectUnknownKeys(event, ['name', 'attributes', 'count'], api, `key in ${what}`);
  const pattern = event as EventPattern;
  return Object.freeze({
    name: textMatcher(pattern.name, api, `${what}.name`),
    attributes: attributeConstraints(pattern.attributes, api, `${what}.attributes`),
    count: toCountRange(pattern.count, api, `${what}.count`),
  });
}

function linkConstraint(link: Record<string, unknown>, api: string, i: number): LinkConstraint {
  const what = `links[${i}]`;
  rejectUnknownKeys(link, ['target', 'attributes', 'count'], api, `key in ${what}`);
  const pattern = link as LinkPattern;
  if (pattern.target !== undefined && !(pattern.target instanceof SpanPattern)) {
    throw new InvalidArgumentError(`${api}: ${what}.target must be a span pattern`);
  }
  return Object.freeze({
    target: pattern.target,
    attributes: attributeConstraints(pattern.attributes, api, `${what}.attributes`),
    count: toCountRange(pattern.count, api, `${what}.count`),
  });
}

function durationBounds(value: unknown, api: string): DurationBounds | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw new InvalidArgumentError(`${api}: duration must be an object`);
  rejectUnknownKeys(value, DURATION_KEYS, api, 'key in duration');
  const bounds: Record<string, number> = {};
  for (const key of DURATION_KEYS) {
    const bound = value[key];
    if (bound === undefined) continue;
    if (typeof bound !== 'number' || !Number.isFinite(bound) || bound < 0) {
      throw new InvalidArgumentError(`${api}: duration.${key} must be a finite number of milliseconds >= 0`);
    }
    bounds[key] = bound;
  }
  if (Object.keys(bounds).length === 0) throw new InvalidArgumentError(`${api}: duration needs at least one bound`);
  return Object.freeze(bounds as DurationBounds);
}

/** Validates span options (guard clauses first, errors prefixed by `api`) into pattern parts. */
export function normalizeOptions(options: SpanPatternOptions | undefined, api: string): OptionParts {
  if (options === undefined) {
    return {
      service: undefined,
      attributes: [],
      status: undefined,
      events: [],
      links: [],
      duration: undefined,
      mustBeRoot: false,
    };
  }
  // Checked through a plain boolean: a type guard here would narrow the typed options to a bare record.
  const isObject: boolean = isPlainObject(options);
  if (!isObject) throw new InvalidArgumentError(`${api}: options must be an object`);
  rejectUnknownKeys(options as unknown as Record<string, unknown>, OPTION_KEYS, api, 'option');
  if (options.status !== undefined && !STATUSES.includes(options.status)) {
    throw new InvalidArgumentError(`${api}: status must be 'unset', 'ok' or 'error'`);
  }
  if (options.root !== undefined && typeof options.root !== 'boolean') {
    throw new InvalidArgumentError(`${api}: root must be a boolean`);
  }
  return {
    service: textMatcher(options.service, api, 'service'),
    attributes: attributeConstraints(options.attributes, api, 'attributes'),
    status: options.status,
    events: listOf(options.events, api, 'events').map((event, i) => eventConstraint(event, api, i)),
    links: listOf(options.links, api, 'links').map((link, i) => linkConstraint(link, api, i)),
    duration: durationBounds(options.duration, api),
    mustBeRoot: options.root ?? false,
  };
}
