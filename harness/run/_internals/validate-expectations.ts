import { parseSelector } from '../../dsl/parse-selector.js';
import { SpanPattern } from '../../dsl/span-pattern.js';
import type { ScenarioExpectation } from '../scenario.js';
import type { Problems } from './problems.js';
import { isObject, shown, unknownKeys, withoutApiPrefix } from './problems.js';

const EXPECTATION_KEYS = ['route', 'tree'];

/** The routes the traffic's requests count under (`name`, or `METHOD /path-template`), as the driver names them. */
export function trafficRoutes(traffic: unknown): string[] {
  const requests = isObject(traffic) && Array.isArray(traffic.requests) ? (traffic.requests as unknown[]) : [];
  return requests.filter(isObject).map((request) => {
    const { name, method, path } = request;
    if (typeof name === 'string') return name;
    return `${typeof method === 'string' ? method.toUpperCase() : 'GET'} ${String(path)}`;
  });
}

/**
 * Checks `scenario.expect` against the traffic's routes (an expectation no request can meet would never be
 * checked) and parses selector strings; returns the parsed list when every entry is right.
 */
export function validateExpectations(
  value: unknown,
  routes: readonly string[],
  at: string,
  problems: Problems,
): ScenarioExpectation[] | undefined {
  if (!Array.isArray(value)) return problems.add(at, 'an array of { route, tree }', value);
  const before = problems.list.length;
  const parsed: ScenarioExpectation[] = [];
  value.forEach((entry: unknown, index) => {
    const here = `${at}[${index}]`;
    if (!isObject(entry)) return void problems.add(here, 'an object with route and tree', entry);
    unknownKeys(entry, EXPECTATION_KEYS, here, problems);
    const { route, tree } = entry;
    if (typeof route !== 'string' || route.trim() === '') {
      problems.add(`${here}.route`, 'a non-empty string', route);
    } else if (!routes.includes(route)) {
      problems.add(`${here}.route`, `one of the traffic's routes (${routes.map((r) => shown(r)).join(', ')})`, route);
    }
    let pattern: SpanPattern | undefined;
    if (tree instanceof SpanPattern) pattern = tree;
    else if (typeof tree === 'string') {
      try {
        pattern = parseSelector(tree);
      } catch (error) {
        for (const line of withoutApiPrefix(error)) problems.add(`${here}.tree`, line);
      }
    } else problems.add(`${here}.tree`, 'a span pattern or a selector string', tree);
    if (typeof route === 'string' && pattern !== undefined) parsed.push({ route, tree: pattern });
  });
  return problems.list.length > before ? undefined : parsed;
}
