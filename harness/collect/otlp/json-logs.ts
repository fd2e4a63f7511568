import type { LogRecord } from '../../model/log.js';
import { asArray, asObject, underPath } from './_internals/json-shape.js';
import { rejectionReason } from './_internals/rejection.js';
import type { DecodedBatch } from './decoded.js';
import { decodeJsonLogRecord } from './json-log-record.js';
import { decodeJsonRequest } from './json-request.js';
import { decodeJsonResource, decodeJsonScope } from './json-resource.js';

const REQUEST = 'OTLP/JSON ExportLogsServiceRequest';

/** Decodes an OTLP/JSON ExportLogsServiceRequest into log records; throws OtlpDecodeError when unusable. */
export function decodeLogsJson(body: Buffer | string): DecodedBatch<LogRecord> {
  return decodeJsonRequest(body, REQUEST, (request) => {
    const records: LogRecord[] = [];
    const rejected: string[] = [];
    const resourceLogs = asArray(request.resourceLogs ?? request.resource_logs, 'resourceLogs') ?? [];
    for (let r = 0; r < resourceLogs.length; r++) {
      const resourcePath = `resourceLogs[${r}]`;
      const entry = asObject(resourceLogs[r], resourcePath);
      if (entry === undefined) continue;
      const resource = decodeJsonResource(entry.resource, `${resourcePath}.resource`);
      const scopeLogs = asArray(entry.scopeLogs ?? entry.scope_logs, `${resourcePath}.scopeLogs`) ?? [];
      for (let s = 0; s < scopeLogs.length; s++) {
        const scopePath = `${resourcePath}.scopeLogs[${s}]`;
        const scopeEntry = asObject(scopeLogs[s], scopePath);
        if (scopeEntry === undefined) continue;
        const scope = decodeJsonScope(scopeEntry.scope, `${scopePath}.scope`);
        const logs = asArray(scopeEntry.logRecords ?? scopeEntry.log_records, `${scopePath}.logRecords`) ?? [];
        for (let i = 0; i < logs.length; i++) {
          let outcome;
          try {
            outcome = decodeJsonLogRecord(asObject(logs[i], '') ?? {}, resource, scope);
          } catch (error) {
            throw underPath(error, `${scopePath}.logRecords[${i}]`);
          }
          if ('problem' in outcome)
            rejected.push(rejectionReason(`${scopePath}.logRecords[${i}]`, undefined, outcome.problem));
          else records.push(outcome);
        }
      }
    }
    return { records, rejected };
  });
}
