import type { LogRecord } from '../../model/log.js';
import { rejectionReason } from './_internals/rejection.js';
import type { DecodedBatch } from './decoded.js';
import { readLogRecord } from './protobuf-log-record.js';
import { readProtobufRequest } from './protobuf-request.js';

/** Decodes a protobuf ExportLogsServiceRequest into log records; throws OtlpDecodeError when unusable. */
export function decodeLogsProtobuf(body: Uint8Array): DecodedBatch<LogRecord> {
  const records: LogRecord[] = [];
  const rejected: string[] = [];
  readProtobufRequest(body, (reader, strings, end, resource, scope, place) => {
    const outcome = readLogRecord(reader, strings, end, resource, scope);
    if ('problem' in outcome) {
      const where = `resourceLogs[${place.resource}].scopeLogs[${place.scope}].logRecords[${place.item}]`;
      rejected.push(rejectionReason(where, undefined, outcome.problem));
    } else {
      records.push(outcome);
    }
  });
  return { records, rejected };
}
