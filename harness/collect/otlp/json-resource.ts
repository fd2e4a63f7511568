import type { Resource, Scope } from '../../model/span.js';
import { asObject, asString, underPath } from './_internals/json-shape.js';
import { EMPTY_RESOURCE, EMPTY_SCOPE, sharedResource, sharedScope } from './_internals/shared-entities.js';
import { decodeJsonKeyValues } from './json-anyvalue.js';

/** Decodes an OTLP/JSON Resource (absent → unknown_service); equal resources are one shared object. */
export function decodeJsonResource(value: unknown, path: string): Resource {
  const resource = asObject(value, path);
  if (resource === undefined) return EMPTY_RESOURCE;
  return sharedResource(decodeJsonKeyValues(resource.attributes, `${path}.attributes`));
}

/** Decodes an OTLP/JSON InstrumentationScope (absent → empty name and version). */
export function decodeJsonScope(value: unknown, path: string): Scope {
  const scope = asObject(value, path);
  if (scope === undefined) return EMPTY_SCOPE;
  try {
    return sharedScope(
      asString(scope.name, 'name'),
      asString(scope.version, 'version'),
      decodeJsonKeyValues(scope.attributes, 'attributes'),
    );
  } catch (error) {
    throw underPath(error, path);
  }
}
