import type { SpanRecord } from '../../model/span.js';
import { asArray, asObject, underPath } from './_internals/json-shape.js';
import { rejectionReason } from './_internals/rejection.js';
import type { DecodedBatch } from './decoded.js';
import { decodeJsonRequest } from './json-request.js';
import { decodeJsonResource, decodeJsonScope } from './json-resource.js';
import { decodeJsonSpan } from './json-span.js';
import type { JsonSpanContext } from './json-span.js';

const REQUEST = 'OTLP/JSON ExportTraceServiceRequest';

/** Decodes an OTLP/JSON ExportTraceServiceRequest into span records; throws OtlpDecodeError when unusable. */
export function decodeTracesJson(body: Buffer | string): DecodedBatch<SpanRecord> {
  return decodeJsonRequest(body, REQUEST, (request) => {
    const records: SpanRecord[] = [];
    const rejected: string[] = [];
    const context: JsonSpanContext = { lastTraceId: '' };
    const resourceSpans = asArray(request.resourceSpans ?? request.resource_spans, 'resourceSpans') ?? [];
    for (let r = 0; r < resourceSpans.length; r++) {
      const resourcePath = `resourceSpans[${r}]`;
      const entry = asObject(resourceSpans[r], resourcePath);
      if (entry === undefined) continue;
      const resource = decodeJsonResource(entry.resource, `${resourcePath}.resource`);
      const scopeSpans = asArray(entry.scopeSpans ?? entry.scope_spans, `${resourcePath}.scopeSpans`) ?? [];
      for (let s = 0; s < scopeSpans.length; s++) {
        const scopePath = `${resourcePath}.scopeSpans[${s}]`;
        const scopeEntry = asObject(scopeSpans[s], scopePath);
        if (scopeEntry === undefined) continue;
        const scope = decodeJsonScope(scopeEntry.scope, `${scopePath}.scope`);
        const spans = asArray(scopeEntry.spans, `${scopePath}.spans`) ?? [];
        for (let i = 0; i < spans.length; i++) {
          let outcome;
          try {
            const span = asObject(spans[i], '') ?? {};
            outcome = decodeJsonSpan(span, resource, scope, context);
          } catch (error) {
            throw underPath(error, `${scopePath}.spans[${i}]`);
          }
          if ('problem' in outcome) {
            const name = (spans[i] as { name?: unknown } | null)?.name;
            rejected.push(
              rejectionReason(`${scopePath}.spans[${i}]`, typeof name === 'string' ? name : '', outcome.problem),
            );
          } else {
            records.push(outcome);
          }
        }
      }
    }
    return { records, rejected };
  });
}
