import { InvalidArgumentError } from '../errors.js';
import type { Scenario } from './scenario.js';
import { isHttpUrl, validateServiceSpecs } from './services/validate-service-specs.js';
import { Problems, isObject, numberField, unknownKeys, withoutApiPrefix } from './_internals/problems.js';
import { validateTraffic } from './_internals/validate-traffic.js';
import { trafficRoutes, validateExpectations } from './_internals/validate-expectations.js';
import {
  validateChecks,
  validateCompletion,
  validateHops,
  validateReports,
  validateThresholds,
} from './_internals/validate-options.js';

const SCENARIO_KEYS = [
  'name',
  'services',
  'target',
  'traffic',
  'hops',
  'thresholds',
  'completion',
  'checks',
  'seed',
  'reports',
  'expect',
];
const NAME = /^[A-Za-z0-9][A-Za-z0-9._ /:-]{0,127}$/;

/**
 * Checks a scenario from code or a file and returns it with service specs normalized (a `logLine` string becomes a
 * RegExp, an `expect` selector a SpanPattern). Throws InvalidArgumentError listing every problem, each naming its field
 * (`scenario.traffic.requests[2].method: expected one of GET, POST, …, got "FETCH"`). `source` (a file path)
 * prefixes the message.
 */
export function validateScenario(value: unknown, source = 'tracegate.validateScenario()'): Scenario {
  const at = 'scenario';
  const problems = new Problems();
  if (!isObject(value)) throw new InvalidArgumentError(`${source}: ${at}: expected an object, got ${typeof value}`);
  unknownKeys(value, SCENARIO_KEYS, at, problems);
  const { name, services, target, traffic, hops, thresholds, completion, checks, seed, reports, expect } = value;
  if (typeof name !== 'string' || !NAME.test(name)) {
    problems.add(`${at}.name`, "1 to 128 letters, digits, ' ', '.', '_', '-', '/' or ':'", name);
  }
  let normalizedServices;
  if (services !== undefined) {
    try {
      normalizedServices = validateServiceSpecs(services, 'scenario', `${at}.services`);
    } catch (error) {
      for (const line of withoutApiPrefix(error)) problems.list.push(line);
    }
  }
  if (typeof target !== 'string' || !isHttpUrl(target)) problems.add(`${at}.target`, 'an http(s) URL', target);
  validateTraffic(traffic, `${at}.traffic`, problems);
  if (hops !== undefined) validateHops(hops, `${at}.hops`, problems);
  if (thresholds !== undefined) validateThresholds(thresholds, `${at}.thresholds`, problems);
  if (completion !== undefined) validateCompletion(completion, `${at}.completion`, problems);
  if (checks !== undefined) validateChecks(checks, `${at}.checks`, problems);
  if (seed !== undefined) numberField(seed, `${at}.seed`, problems, { min: 0, integer: true });
  if (reports !== undefined) validateReports(reports, `${at}.reports`, problems);
  const expectations =
    expect === undefined ? undefined : validateExpectations(expect, trafficRoutes(traffic), `${at}.expect`, problems);

  const list = problems.list;
  if (list.length === 1) throw new InvalidArgumentError(`${source}: ${list[0]}`);
  if (list.length > 1) throw new InvalidArgumentError(`${source}: ${list.length} problems\n  ${list.join('\n  ')}`);
  const scenario = value as unknown as Scenario;
  if (normalizedServices === undefined && expectations === undefined) return scenario;
  return {
    ...scenario,
    ...(normalizedServices === undefined ? {} : { services: normalizedServices }),
    ...(expectations === undefined ? {} : { expect: expectations }),
  };
}
