import { invalid, shown } from './invalid-argument.js';
import { BAGGAGE_MAX_BYTES, BAGGAGE_MAX_MEMBERS, readBaggage } from '../w3c/baggage.js';
import type { Traceparent } from '../w3c/traceparent.js';
import { parseTraceparent } from '../w3c/traceparent.js';
import { tracestateProblem } from '../w3c/tracestate.js';
import { Template } from './template.js';

/** A mix entry's headers, checked and split by how they are sent. */
export interface UserHeaders {
  /** The same for every request, as a flat name/value list (lowercase names). */
  readonly constant: string[];
  readonly templated: (readonly [name: string, value: Template])[];
  /** A `traceparent` the user fixed for the entry; it is among the constant headers too. */
  readonly traceparent: Traceparent | undefined;
  /** The user's baggage, which the trace-context interceptor merges with tracegate's members. */
  readonly baggage: string | undefined;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
// Framing and connection management belong to the HTTP client; a user value would corrupt the exchange.
const CLIENT_OWNED = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'expect',
  'te',
]);
const TRACE_CONTEXT = new Set(['traceparent', 'tracestate', 'baggage']);
const RESERVED_BAGGAGE_KEYS: readonly string[] = ['tracegate.run', 'tracegate.req'];
// tracegate.run=<runId>,tracegate.req=<seq below 2^32>, and the comma that joins the user's members.
const reservedBaggageBytes = (runId: string): number =>
  'tracegate.run='.length + runId.length + ',tracegate.req='.length + 10 + 1;

/** Compiles `text`, or throws naming `field` when it uses an unknown placeholder. */
export function template(field: string, text: string, runId: string): Template {
  const compiled = Template.compile(text, runId);
  if (!(compiled instanceof Template)) invalid(`${field} ${compiled.problem}`);
  return compiled;
}

function userBaggage(field: string, value: string, runId: string): string {
  const read = readBaggage(value);
  if (!read.ok) invalid(`${field} is not valid W3C baggage: ${read.problem}`);
  const reserved = read.value.keys.find((key) => RESERVED_BAGGAGE_KEYS.includes(key));
  if (reserved !== undefined) invalid(`${field} sets ${reserved}, which tracegate sets itself`);
  const room = BAGGAGE_MAX_BYTES - reservedBaggageBytes(runId);
  if (read.value.bytes > room) {
    invalid(
      `${field} is ${read.value.bytes} bytes; with tracegate's members the W3C limit of ${BAGGAGE_MAX_BYTES} leaves ${room}`,
    );
  }
  if (read.value.keys.length > BAGGAGE_MAX_MEMBERS - 2) {
    invalid(
      `${field} has ${read.value.keys.length} members; with tracegate's 2 the W3C limit is ${BAGGAGE_MAX_MEMBERS - 2}`,
    );
  }
  return value;
}

/** Checks a W3C trace context header a user set; the value must be literal so it can be checked once. */
function checkTraceContext(field: string, name: string, value: string, propagate: boolean): Traceparent | undefined {
  if (!propagate) {
    invalid(`${field}: propagate is false, so no trace context may be sent; remove the ${name} header or propagate`);
  }
  if (value.includes('{{')) invalid(`${field} must be a literal value; placeholders are not allowed in ${name}`);
  if (name === 'traceparent') {
    const parsed = parseTraceparent(value);
    if (!parsed.ok) invalid(`${field} is not a valid W3C traceparent: ${parsed.problem}`);
    return parsed.value;
  }
  if (name === 'tracestate') {
    const problem = tracestateProblem(value);
    if (problem !== undefined) invalid(`${field} is not a valid W3C tracestate: ${problem}`);
  }
  return undefined;
}

/** Checks the headers of mix entry `at`, naming the header at fault, and compiles their templates. */
export function compileUserHeaders(at: string, headers: unknown, runId: string, propagate: boolean): UserHeaders {
  if (typeof headers !== 'object' || headers === null) invalid(`${at}.headers must be an object of strings`);
  const constant: string[] = [];
  const templated: [string, Template][] = [];
  let traceparent: Traceparent | undefined;
  let baggage: string | undefined;
  for (const [rawName, value] of Object.entries(headers)) {
    const field = `${at}.headers[${JSON.stringify(rawName)}]`;
    const name = rawName.toLowerCase();
    if (!TOKEN.test(rawName)) invalid(`${field}: the name is not an HTTP token`);
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) {
      invalid(`${field} must be a string without control characters, got ${shown(value)}`);
    }
    if (CLIENT_OWNED.has(name)) invalid(`${field}: ${name} is managed by the HTTP client and cannot be set`);
    if (TRACE_CONTEXT.has(name)) {
      traceparent = checkTraceContext(field, name, value, propagate) ?? traceparent;
      if (name === 'baggage') {
        baggage = userBaggage(field, value, runId);
        continue;
      }
    }
    const valueTemplate = template(field, value, runId);
    if (valueTemplate.isConstant) constant.push(name, valueTemplate.render(0));
    else templated.push([name, valueTemplate]);
  }
  return { constant, templated, traceparent, baggage };
}
