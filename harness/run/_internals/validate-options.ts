import { parseEdge } from '../../checks/parse-edge.js';
import { CHECK_IDS } from '../../report/report-checks.js';
import { DEFAULT_THRESHOLDS } from '../../verdict/thresholds.js';
import type { Problems } from './problems.js';
import { isObject, numberField, unknownKeys, withoutApiPrefix } from './problems.js';

const RATE_KEYS = ['minRootCoverage', 'minHopContinuity', 'minLogCorrelation'];
const COMPLETION_KEYS = ['quietMs', 'timeoutMs'];
export const REPORT_KINDS = ['json', 'junit', 'html', 'markdown'] as const;
const CHECK_KEYS = [
  'only',
  'entryKinds',
  'inferEdges',
  'exampleLimit',
  'attributionWindowMs',
  'timingSkewMs',
  'requestIdAttributes',
  'isFailure',
  'requestKeys',
  'nameCardinalityLimit',
];

/** `hops`: each one as `--hop` reads it, or an EdgeSpec. */
export function validateHops(value: unknown, at: string, problems: Problems): void {
  if (!Array.isArray(value)) return void problems.add(at, 'an array of edges such as "api>worker"', value);
  value.forEach((edge: unknown, index) => {
    try {
      parseEdge(edge as string);
    } catch (error) {
      for (const line of withoutApiPrefix(error)) problems.add(`${at}[${index}]`, line);
    }
  });
}

/** `thresholds`: the keys of Thresholds, each with its range. */
export function validateThresholds(value: unknown, at: string, problems: Problems): void {
  if (!isObject(value)) return void problems.add(at, 'an object', value);
  unknownKeys(value, Object.keys(DEFAULT_THRESHOLDS), at, problems);
  for (const key of RATE_KEYS) {
    if (value[key] !== undefined) numberField(value[key], `${at}.${key}`, problems, { min: 0, max: 1 });
  }
  const { gateOn, confidence, minSamples, failOnHygiene } = value;
  if (gateOn !== undefined && gateOn !== 'estimate' && gateOn !== 'lower-bound') {
    problems.add(`${at}.gateOn`, 'one of estimate, lower-bound', gateOn);
  }
  if (confidence !== undefined && !(typeof confidence === 'number' && confidence > 0 && confidence < 1)) {
    problems.add(`${at}.confidence`, 'a number strictly between 0 and 1', confidence);
  }
  if (minSamples !== undefined) numberField(minSamples, `${at}.minSamples`, problems, { min: 1, integer: true });
  if (failOnHygiene !== undefined && typeof failOnHygiene !== 'boolean') {
    problems.add(`${at}.failOnHygiene`, 'true or false', failOnHygiene);
  }
}

/** `completion`: quiet period and deadline in ms. */
export function validateCompletion(value: unknown, at: string, problems: Problems): void {
  if (!isObject(value)) return void problems.add(at, 'an object with quietMs and timeoutMs', value);
  unknownKeys(value, COMPLETION_KEYS, at, problems);
  if (value.quietMs !== undefined) numberField(value.quietMs, `${at}.quietMs`, problems, { min: 0 });
  if (value.timeoutMs !== undefined) {
    numberField(value.timeoutMs, `${at}.timeoutMs`, problems, { min: 0, exclusiveMin: true });
  }
}

function stringList(value: unknown, at: string, allowed: readonly string[] | undefined, problems: Problems): void {
  if (!Array.isArray(value)) return void problems.add(at, 'an array of strings', value);
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'string' || item === '') problems.add(`${at}[${index}]`, 'a non-empty string', item);
    else if (allowed !== undefined && !allowed.includes(item)) {
      problems.add(`${at}[${index}]`, `one of ${allowed.join(', ')}`, item);
    }
  });
}

/** `checks`: CheckOptions (without edges) plus `only`. */
export function validateChecks(value: unknown, at: string, problems: Problems): void {
  if (!isObject(value)) return void problems.add(at, 'an object', value);
  unknownKeys(value, CHECK_KEYS, at, problems);
  if (value.only !== undefined) stringList(value.only, `${at}.only`, CHECK_IDS, problems);
  if (value.entryKinds !== undefined)
    stringList(value.entryKinds, `${at}.entryKinds`, ['server', 'consumer'], problems);
  if (value.requestIdAttributes !== undefined) {
    stringList(value.requestIdAttributes, `${at}.requestIdAttributes`, undefined, problems);
  }
  if (value.inferEdges !== undefined && typeof value.inferEdges !== 'boolean') {
    problems.add(`${at}.inferEdges`, 'true or false', value.inferEdges);
  }
  for (const key of ['exampleLimit', 'nameCardinalityLimit']) {
    if (value[key] !== undefined) numberField(value[key], `${at}.${key}`, problems, { min: 1, integer: true });
  }
  for (const key of ['attributionWindowMs', 'timingSkewMs']) {
    if (value[key] !== undefined) numberField(value[key], `${at}.${key}`, problems, { min: 0 });
  }
  for (const key of ['isFailure', 'requestKeys']) {
    if (value[key] !== undefined && typeof value[key] !== 'function') {
      problems.add(`${at}.${key}`, 'a function (only in a TypeScript or JavaScript scenario)', value[key]);
    }
  }
}

/** `reports`: a path per report kind, and the extra keys to redact in all of them. */
export function validateReports(value: unknown, at: string, problems: Problems): void {
  if (!isObject(value)) return void problems.add(at, 'an object of report paths', value);
  unknownKeys(value, [...REPORT_KINDS, 'redactKeys'], at, problems);
  for (const kind of REPORT_KINDS) {
    const path = value[kind];
    if (path !== undefined && (typeof path !== 'string' || path === '')) {
      problems.add(`${at}.${kind}`, 'a non-empty file path', path);
    }
  }
  const keys = value['redactKeys'];
  if (keys === undefined) return;
  if (!Array.isArray(keys)) return void problems.add(`${at}.redactKeys`, 'an array of attribute keys', keys);
  keys.forEach((key: unknown, index) => {
    if (typeof key !== 'string' || !/[A-Za-z0-9]/.test(key)) {
      problems.add(`${at}.redactKeys[${index}]`, 'an attribute key with a letter or digit', key);
    }
  });
}
