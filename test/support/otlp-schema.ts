/**
 * The OTLP messages the tests need, as a protobufjs JSON descriptor (field numbers from the OTLP .proto files;
 * names in camelCase so protobufjs objects look like OTLP/JSON).
 */
import protobuf from 'protobufjs';

type Fields = Record<string, { type: string; id: number; rule?: 'repeated' }>;

function message(fields: Fields, extra: object = {}): object {
  return { fields, ...extra };
}

function repeated(type: string, id: number): { type: string; id: number; rule: 'repeated' } {
  return { type, id, rule: 'repeated' };
}

function partialSuccessResponse(countField: string): Record<string, object> {
  return {
    PartialSuccess: message({ [countField]: { type: 'int64', id: 1 }, errorMessage: { type: 'string', id: 2 } }),
    Response: message({ partialSuccess: { type: 'PartialSuccess', id: 1 } }),
  };
}

const common = {
  AnyValue: message(
    {
      stringValue: { type: 'string', id: 1 },
      boolValue: { type: 'bool', id: 2 },
      intValue: { type: 'int64', id: 3 },
      doubleValue: { type: 'double', id: 4 },
      arrayValue: { type: 'ArrayValue', id: 5 },
      kvlistValue: { type: 'KeyValueList', id: 6 },
      bytesValue: { type: 'bytes', id: 7 },
    },
    {
      oneofs: {
        value: {
          oneof: ['stringValue', 'boolValue', 'intValue', 'doubleValue', 'arrayValue', 'kvlistValue', 'bytesValue'],
        },
      },
    },
  ),
  ArrayValue: message({ values: repeated('AnyValue', 1) }),
  KeyValueList: message({ values: repeated('KeyValue', 1) }),
  KeyValue: message({ key: { type: 'string', id: 1 }, value: { type: 'AnyValue', id: 2 } }),
  InstrumentationScope: message({
    name: { type: 'string', id: 1 },
    version: { type: 'string', id: 2 },
    attributes: repeated('KeyValue', 3),
    droppedAttributesCount: { type: 'uint32', id: 4 },
  }),
};

const resource = {
  Resource: message({
    attributes: repeated('opentelemetry.proto.common.v1.KeyValue', 1),
    droppedAttributesCount: { type: 'uint32', id: 2 },
  }),
};

const KEY_VALUE = 'opentelemetry.proto.common.v1.KeyValue';

const trace = {
  ResourceSpans: message({
    resource: { type: 'opentelemetry.proto.resource.v1.Resource', id: 1 },
    scopeSpans: repeated('ScopeSpans', 2),
    schemaUrl: { type: 'string', id: 3 },
  }),
  ScopeSpans: message({
    scope: { type: 'opentelemetry.proto.common.v1.InstrumentationScope', id: 1 },
    spans: repeated('Span', 2),
    schemaUrl: { type: 'string', id: 3 },
  }),
  Span: message(
    {
      traceId: { type: 'bytes', id: 1 },
      spanId: { type: 'bytes', id: 2 },
      traceState: { type: 'string', id: 3 },
      parentSpanId: { type: 'bytes', id: 4 },
      flags: { type: 'fixed32', id: 16 },
      name: { type: 'string', id: 5 },
      kind: { type: 'SpanKind', id: 6 },
      startTimeUnixNano: { type: 'fixed64', id: 7 },
      endTimeUnixNano: { type: 'fixed64', id: 8 },
      attributes: repeated(KEY_VALUE, 9),
      droppedAttributesCount: { type: 'uint32', id: 10 },
      events: repeated('Event', 11),
      droppedEventsCount: { type: 'uint32', id: 12 },
      links: repeated('Link', 13),
      droppedLinksCount: { type: 'uint32', id: 14 },
      status: { type: 'Status', id: 15 },
    },
    {
      nested: {
        SpanKind: {
          values: {
            SPAN_KIND_UNSPECIFIED: 0,
            SPAN_KIND_INTERNAL: 1,
            SPAN_KIND_SERVER: 2,
            SPAN_KIND_CLIENT: 3,
            SPAN_KIND_PRODUCER: 4,
            SPAN_KIND_CONSUMER: 5,
          },
        },
        Event: message({
          timeUnixNano: { type: 'fixed64', id: 1 },
          name: { type: 'string', id: 2 },
          attributes: repeated(KEY_VALUE, 3),
          droppedAttributesCount: { type: 'uint32', id: 4 },
        }),
        Link: message({
          traceId: { type: 'bytes', id: 1 },
          spanId: { type: 'bytes', id: 2 },
          traceState: { type: 'string', id: 3 },
          attributes: repeated(KEY_VALUE, 4),
          droppedAttributesCount: { type: 'uint32', id: 5 },
          flags: { type: 'fixed32', id: 6 },
        }),
      },
    },
  ),
  Status: message(
    { message: { type: 'string', id: 2 }, code: { type: 'StatusCode', id: 3 } },
    { nested: { StatusCode: { values: { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 } } } },
  ),
};

const logs = {
  ResourceLogs: message({
    resource: { type: 'opentelemetry.proto.resource.v1.Resource', id: 1 },
    scopeLogs: repeated('ScopeLogs', 2),
    schemaUrl: { type: 'string', id: 3 },
  }),
  ScopeLogs: message({
    scope: { type: 'opentelemetry.proto.common.v1.InstrumentationScope', id: 1 },
    logRecords: repeated('LogRecord', 2),
    schemaUrl: { type: 'string', id: 3 },
  }),
  LogRecord: message({
    timeUnixNano: { type: 'fixed64', id: 1 },
    observedTimeUnixNano: { type: 'fixed64', id: 11 },
    severityNumber: { type: 'int32', id: 2 },
    severityText: { type: 'string', id: 3 },
    body: { type: 'opentelemetry.proto.common.v1.AnyValue', id: 5 },
    attributes: repeated(KEY_VALUE, 6),
    droppedAttributesCount: { type: 'uint32', id: 7 },
    flags: { type: 'fixed32', id: 8 },
    traceId: { type: 'bytes', id: 9 },
    spanId: { type: 'bytes', id: 10 },
    eventName: { type: 'string', id: 12 },
  }),
};

function collector(request: string, resourceField: string, resourceType: string, countField: string): object {
  const response = partialSuccessResponse(countField);
  return {
    nested: {
      v1: {
        nested: {
          [`Export${request}ServiceRequest`]: message({ [resourceField]: repeated(resourceType, 1) }),
          [`Export${request}PartialSuccess`]: response.PartialSuccess,
          [`Export${request}ServiceResponse`]: message({
            partialSuccess: { type: `Export${request}PartialSuccess`, id: 1 },
          }),
        },
      },
    },
  };
}

const descriptor = {
  nested: {
    opentelemetry: {
      nested: {
        proto: {
          nested: {
            common: { nested: { v1: { nested: common } } },
            resource: { nested: { v1: { nested: resource } } },
            trace: { nested: { v1: { nested: trace } } },
            logs: { nested: { v1: { nested: logs } } },
            collector: {
              nested: {
                trace: collector(
                  'Trace',
                  'resourceSpans',
                  'opentelemetry.proto.trace.v1.ResourceSpans',
                  'rejectedSpans',
                ),
                logs: collector(
                  'Logs',
                  'resourceLogs',
                  'opentelemetry.proto.logs.v1.ResourceLogs',
                  'rejectedLogRecords',
                ),
                metrics: collector('Metrics', 'resourceMetrics', 'bytes', 'rejectedDataPoints'),
              },
            },
          },
        },
      },
    },
    google: {
      nested: {
        rpc: { nested: { Status: message({ code: { type: 'int32', id: 1 }, message: { type: 'string', id: 2 } }) } },
      },
    },
  },
};

/** The protobufjs root holding every message above. */
export const otlpRoot = protobuf.Root.fromJSON(descriptor);

/** A message type by its full name, e.g. `opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest`. */
export function otlpType(fullName: string): protobuf.Type {
  return otlpRoot.lookupType(fullName);
}

export const ExportTraceServiceRequest = otlpType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest');
export const ExportLogsServiceRequest = otlpType('opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest');
export const RpcStatus = otlpType('google.rpc.Status');

/** The response type of each signal's export service. */
export const exportResponseTypes = {
  traces: otlpType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse'),
  logs: otlpType('opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse'),
  metrics: otlpType('opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse'),
} as const;
