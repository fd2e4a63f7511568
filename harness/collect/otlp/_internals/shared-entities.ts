import { EMPTY_ATTRIBUTES } from '../../../model/attributes.js';
import type { AttributeValue, Attributes } from '../../../model/attributes.js';
import type { Resource, Scope } from '../../../model/span.js';
import { intern } from '../../intern.js';

const MAX_CACHED = 1024;
const UNKNOWN_SERVICE = 'unknown_service';

/** The resource of entries that carry none. */
export const EMPTY_RESOURCE: Resource = Object.freeze({ serviceName: UNKNOWN_SERVICE, attributes: EMPTY_ATTRIBUTES });

/** The scope of entries that carry none. */
export const EMPTY_SCOPE: Scope = Object.freeze({ name: '', version: '', attributes: EMPTY_ATTRIBUTES });

const resources = new Map<string, Resource>();
const scopes = new Map<string, Scope>();

// An exact, typed rendering: two entities share one object only when every attribute is the same value.
function fingerprint(value: AttributeValue): string {
  if (value === null) return 'z';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? 'n-0' : `n${value}`;
    case 'bigint':
      return `i${value}`;
    case 'boolean':
      return value ? 'T' : 'F';
  }
  if (value instanceof Uint8Array)
    return `y${Buffer.from(value.buffer, value.byteOffset, value.length).toString('hex')}`;
  if (Array.isArray(value)) return `[${(value as readonly AttributeValue[]).map(fingerprint).join(',')}]`;
  const map = value as Attributes;
  return `{${Object.keys(map)
    .map((key) => `${JSON.stringify(key)}:${fingerprint(map[key]!)}`)
    .join(',')}}`;
}

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= MAX_CACHED) cache.clear();
  const made = make();
  cache.set(key, made);
  return made;
}

/**
 * The Resource for these attributes. Exporters send the same resource with every batch, so equal resources
 * are one object across batches: small batches would otherwise retain a resource copy per few spans.
 */
export function sharedResource(attributes: Attributes): Resource {
  if (attributes === EMPTY_ATTRIBUTES) return EMPTY_RESOURCE;
  return cached(resources, fingerprint(attributes), () => {
    const serviceName = attributes['service.name'];
    return Object.freeze({
      serviceName: typeof serviceName === 'string' && serviceName !== '' ? intern(serviceName) : UNKNOWN_SERVICE,
      attributes,
    });
  });
}

/** The Scope for this name, version and attributes, one object across batches like resources. */
export function sharedScope(name: string, version: string, attributes: Attributes): Scope {
  if (name === '' && version === '' && attributes === EMPTY_ATTRIBUTES) return EMPTY_SCOPE;
  const key = `${JSON.stringify(name)}${JSON.stringify(version)}${fingerprint(attributes)}`;
  return cached(scopes, key, () => Object.freeze({ name: intern(name), version: intern(version), attributes }));
}
