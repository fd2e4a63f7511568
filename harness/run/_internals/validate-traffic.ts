import type { RequestTemplate } from '../../traffic/traffic-plan.js';
import type { ScenarioTraffic } from '../scenario.js';
import type { Problems } from './problems.js';
import { isObject, numberField, unknownKeys } from './problems.js';

/** The methods a scenario may use; anything else is far more likely a typo than a need. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

const REQUEST_KEYS = ['name', 'method', 'path', 'headers', 'body', 'weight'];
const TRAFFIC_KEYS = ['requests', 'count', 'durationMs', 'concurrency', 'ratePerSecond', 'propagate'];

function request(value: unknown, at: string, problems: Problems): RequestTemplate | undefined {
  if (!isObject(value)) return problems.add(at, 'an object with method and path', value);
  const before = problems.list.length;
  unknownKeys(value, REQUEST_KEYS, at, problems);
  const { name, method, path, headers, body, weight } = value;
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) {
    problems.add(`${at}.name`, 'a non-empty string', name);
  }
  if (
    method !== undefined &&
    (typeof method !== 'string' || !(HTTP_METHODS as readonly string[]).includes(method.toUpperCase()))
  ) {
    problems.add(`${at}.method`, `one of ${HTTP_METHODS.join(', ')}`, method);
  }
  if (typeof path !== 'string' || !path.startsWith('/')) problems.add(`${at}.path`, 'a string starting with /', path);
  if (headers !== undefined) {
    if (!isObject(headers)) problems.add(`${at}.headers`, 'an object of header names to strings', headers);
    else
      for (const [key, header] of Object.entries(headers))
        if (typeof header !== 'string') problems.add(`${at}.headers.${key}`, 'a string', header);
  }
  if (weight !== undefined) numberField(weight, `${at}.weight`, problems, { min: 0 });
  if (body !== undefined && typeof body === 'function') problems.add(`${at}.body`, 'text or a JSON value', body);
  return problems.list.length > before ? undefined : (value as unknown as RequestTemplate);
}

/** Checks `scenario.traffic`; returns it when every field is right. */
export function validateTraffic(value: unknown, at: string, problems: Problems): ScenarioTraffic | undefined {
  if (!isObject(value)) return problems.add(at, 'an object with requests', value);
  const before = problems.list.length;
  unknownKeys(value, TRAFFIC_KEYS, at, problems);
  const { requests, count, durationMs, concurrency, ratePerSecond, propagate } = value;
  if (!Array.isArray(requests) || requests.length === 0) {
    problems.add(`${at}.requests`, 'a non-empty array of requests', requests);
  } else {
    requests.forEach((entry, index) => request(entry, `${at}.requests[${index}]`, problems));
  }
  if (count !== undefined) numberField(count, `${at}.count`, problems, { min: 1, integer: true });
  if (durationMs !== undefined) numberField(durationMs, `${at}.durationMs`, problems, { min: 0, exclusiveMin: true });
  if (concurrency !== undefined) {
    numberField(concurrency, `${at}.concurrency`, problems, { min: 1, max: 10_000, integer: true });
  }
  if (ratePerSecond !== undefined) {
    numberField(ratePerSecond, `${at}.ratePerSecond`, problems, { min: 0, exclusiveMin: true });
  }
  if (propagate !== undefined && typeof propagate !== 'boolean') {
    problems.add(`${at}.propagate`, 'true or false', propagate);
  }
  return problems.list.length > before ? undefined : (value as unknown as ScenarioTraffic);
}
