import { InvalidArgumentError } from '../../errors.js';
import type { ReadySpec, ServiceSpec } from './service-spec.js';
import { SERVICE_NAME_PATTERN } from './service-spec.js';

type Problems = string[];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  if (value instanceof RegExp) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** True for an absolute http: or https: URL. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function readySpec(value: unknown, at: string, problems: Problems): ReadySpec | undefined {
  if (!isObject(value)) return void problems.push(`${at}: expected an object with url, port or logLine`);
  const kinds = ['url', 'port', 'logLine'].filter((key) => value[key] !== undefined);
  if (kinds.length !== 1) {
    return void problems.push(`${at}: expected exactly one of url, port, logLine, got ${kinds.length}`);
  }
  if (value.url !== undefined) {
    if (typeof value.url === 'string' && isHttpUrl(value.url)) return { url: value.url };
    return void problems.push(`${at}.url: expected an http(s) URL, got ${shown(value.url)}`);
  }
  if (value.port !== undefined) {
    const port = value.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      return void problems.push(`${at}.port: expected an integer from 1 to 65535, got ${shown(port)}`);
    }
    if (value.host !== undefined && (typeof value.host !== 'string' || value.host === '')) {
      return void problems.push(`${at}.host: expected a non-empty string, got ${shown(value.host)}`);
    }
    return value.host === undefined ? { port } : { port, host: value.host };
  }
  if (value.logLine instanceof RegExp) return { logLine: value.logLine };
  if (typeof value.logLine === 'string' && value.logLine !== '') {
    try {
      return { logLine: new RegExp(value.logLine) };
    } catch (error) {
      return void problems.push(`${at}.logLine: not a valid regular expression (${(error as Error).message})`);
    }
  }
  return void problems.push(
    `${at}.logLine: expected a RegExp or a non-empty pattern string, got ${shown(value.logLine)}`,
  );
}

function duration(value: unknown, at: string, min: number, problems: Problems): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value >= min) return value;
  problems.push(`${at}: expected a number of milliseconds ${min === 0 ? '>= 0' : '> 0'}, got ${shown(value)}`);
  return undefined;
}

function commandOf(value: unknown, at: string, problems: Problems): ServiceSpec['command'] | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (Array.isArray(value) && value.length > 0 && value.every((arg) => typeof arg === 'string') && value[0] !== '') {
    return [...value] as string[];
  }
  problems.push(`${at}: expected a non-empty command string or argv array of strings, got ${shown(value)}`);
  return undefined;
}

function serviceSpec(value: unknown, at: string, names: Set<string>, problems: Problems): ServiceSpec | undefined {
  if (!isObject(value)) return void problems.push(`${at}: expected an object, got ${shown(value)}`);
  const before = problems.length;
  const name = value.name;
  if (typeof name !== 'string' || !SERVICE_NAME_PATTERN.test(name)) {
    problems.push(`${at}.name: expected letters, digits, '.', '_' or '-', got ${shown(name)}`);
  } else if (names.has(name)) {
    problems.push(`${at}.name: "${name}" is already the name of another service`);
  } else {
    names.add(name);
  }
  const command = commandOf(value.command, `${at}.command`, problems);
  if (value.cwd !== undefined && (typeof value.cwd !== 'string' || value.cwd === '')) {
    problems.push(`${at}.cwd: expected a non-empty string, got ${shown(value.cwd)}`);
  }
  if (value.env !== undefined) {
    if (!isObject(value.env)) problems.push(`${at}.env: expected an object of strings, got ${shown(value.env)}`);
    else
      for (const [key, inner] of Object.entries(value.env))
        if (typeof inner !== 'string') problems.push(`${at}.env.${key}: expected a string, got ${shown(inner)}`);
  }
  const ready = value.ready === undefined ? undefined : readySpec(value.ready, `${at}.ready`, problems);
  const readyTimeoutMs = duration(value.readyTimeoutMs, `${at}.readyTimeoutMs`, 1, problems);
  const stopGraceMs = duration(value.stopGraceMs, `${at}.stopGraceMs`, 0, problems);
  if (problems.length > before || command === undefined) return undefined;
  return {
    name: name as string,
    command,
    ...(value.cwd === undefined ? {} : { cwd: value.cwd as string }),
    ...(value.env === undefined ? {} : { env: { ...(value.env as Record<string, string>) } }),
    ...(ready === undefined ? {} : { ready }),
    ...(readyTimeoutMs === undefined ? {} : { readyTimeoutMs }),
    ...(stopGraceMs === undefined ? {} : { stopGraceMs }),
  };
}

/**
 * Checks service specs from code or a scenario file and returns normalized copies (a `logLine` string becomes a
 * RegExp). Throws InvalidArgumentError listing every problem, each naming its field (`services[1].ready.url`).
 */
export function validateServiceSpecs(value: unknown, api: string, path = 'services'): ServiceSpec[] {
  const problems: Problems = [];
  if (!Array.isArray(value)) {
    throw new InvalidArgumentError(`${api}: ${path}: expected an array of services, got ${shown(value)}`);
  }
  const names = new Set<string>();
  const specs = value.map((spec, index) => serviceSpec(spec, `${path}[${index}]`, names, problems));
  if (problems.length === 1) throw new InvalidArgumentError(`${api}: ${problems[0]}`);
  if (problems.length > 1)
    throw new InvalidArgumentError(`${api}: ${problems.length} problems\n  ${problems.join('\n  ')}`);
  return specs as ServiceSpec[];
}
