import { invalid, shown } from './invalid-argument.js';
import type { RequestTemplate } from '../traffic-plan.js';
import type { Traceparent } from '../w3c/traceparent.js';
import type { Template } from './template.js';
import { compileUserHeaders, template } from './user-headers.js';

/** A mix entry checked once and ready to turn into requests cheaply. */
export interface CompiledRequest {
  /** Its place in the plan's `requests`. */
  readonly index: number;
  readonly route: string;
  readonly method: string;
  /** The target's path prefix and the entry's path. */
  readonly path: Template;
  readonly weight: number;
  /** Headers that are the same for every request, as a flat name/value list. */
  readonly constantHeaders: readonly string[];
  readonly templatedHeaders: readonly (readonly [name: string, value: Template])[];
  readonly body: Template | undefined;
  /** A `traceparent` the user fixed for this entry, sent instead of a generated one. */
  readonly traceparent: Traceparent | undefined;
  /** The user's baggage, merged with tracegate's members. */
  readonly baggage: string | undefined;
}

/** What compiling needs to know about the run. */
export interface CompileContext {
  readonly basePath: string;
  readonly runId: string;
  readonly propagate: boolean;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PATH = /^\/[\x21-\x22\x24-\x7e]*$/;

function bodyText(field: string, body: unknown): string {
  if (typeof body === 'string') return body;
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    invalid(`${field} cannot be serialised as JSON: ${(error as Error).message}`);
  }
  if (typeof text !== 'string') invalid(`${field} must be a string or a JSON value, got ${typeof body}`);
  return text;
}

function methodOf(field: string, method: unknown): string {
  if (method === undefined) return 'GET';
  if (typeof method !== 'string' || !TOKEN.test(method))
    invalid(`${field} must be an HTTP method, got ${shown(method)}`);
  const upper = method.toUpperCase();
  if (upper === 'CONNECT') invalid(`${field} CONNECT opens a tunnel and cannot be driven`);
  return upper;
}

function pathOf(at: string, path: unknown, context: CompileContext): Template {
  if (typeof path !== 'string') invalid(`${at}.path must be a string, got ${shown(path)}`);
  const compiled = template(`${at}.path`, context.basePath + path, context.runId);
  // Placeholders become digits and run-id characters, so checking the text around them checks every request.
  if (!path.startsWith('/') || !PATH.test(compiled.literalText)) {
    invalid(`${at}.path must start with "/" and hold only visible ASCII without "#", got ${shown(path)}`);
  }
  return compiled;
}

/** Checks one mix entry, naming the field at fault, and compiles its templates. */
export function compileRequest(entry: RequestTemplate, index: number, context: CompileContext): CompiledRequest {
  const at = `requests[${index}]`;
  if (typeof entry !== 'object' || entry === null) invalid(`${at} must be an object, got ${shown(entry)}`);
  const method = methodOf(`${at}.method`, entry.method);
  const path = pathOf(at, entry.path, context);
  const { name, weight = 1 } = entry;
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) {
    invalid(`${at}.name must be a non-empty string, got ${shown(name)}`);
  }
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
    invalid(`${at}.weight must be a finite number ≥ 0, got ${shown(weight)}`);
  }
  const headers = compileUserHeaders(at, entry.headers ?? {}, context.runId, context.propagate);
  let body: Template | undefined;
  if (entry.body !== undefined) {
    body = template(`${at}.body`, bodyText(`${at}.body`, entry.body), context.runId);
    const hasContentType = Object.keys(entry.headers ?? {}).some((header) => header.toLowerCase() === 'content-type');
    if (typeof entry.body !== 'string' && !hasContentType) headers.constant.push('content-type', 'application/json');
  }
  return {
    index,
    route: name ?? `${method} ${entry.path}`,
    method,
    path,
    weight,
    constantHeaders: headers.constant,
    templatedHeaders: headers.templated,
    body,
    traceparent: headers.traceparent,
    baggage: headers.baggage,
  };
}
