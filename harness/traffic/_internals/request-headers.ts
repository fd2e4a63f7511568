import type { CompiledRequest } from './compiled-request.js';

/** The entry's headers for request `seq` as a flat name/value list; shared (not copied) when none is a template. */
export function requestHeaders(entry: CompiledRequest, seq: number): string[] {
  const templated = entry.templatedHeaders;
  // Nothing downstream writes to the list (interceptors copy it), so sharing saves a copy per request.
  if (templated.length === 0) return entry.constantHeaders as string[];
  const headers = entry.constantHeaders.slice();
  for (const [name, value] of templated) headers.push(name, value.render(seq));
  return headers;
}
