import type { Tracer } from '@opentelemetry/api';
import { ROOT_CONTEXT, context, propagation, trace } from '@opentelemetry/api';
import type { LoggerProvider as ApiLoggerProvider } from '@opentelemetry/api-logs';
import { suppressTracing } from '@opentelemetry/core';
import { logs as logsApi } from '@opentelemetry/api-logs';
import { OTLPLogExporter as JsonLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as ProtoLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { AmqplibInstrumentation } from '@opentelemetry/instrumentation-amqplib';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { NodeSDK, logs, resources, tracing } from '@opentelemetry/sdk-node';
import type { RequestOptions } from 'node:http';
import type { CheckoutConfig, Role } from './config.js';
import { RootLossProcessor } from './_internals/root-loss-processor.js';

/** Headers of outgoing requests that carry a hand-made client span: the HTTP instrumentation leaves them alone. */
export const MANUAL_SPAN_HEADER = 'x-checkout-manual-span';
/** The delivery span billing sends with its webhook, for the api to link (not continue). */
export const DELIVERY_HEADER = 'x-delivery-traceparent';
const MESSAGE_ID = 'messaging.message.id';

/** The telemetry of one process: a tracer and a logger provider per hosted role, and a flush for shutdown. */
export interface Telemetry {
  tracer(role: Role): Tracer;
  loggerProvider(role: Role): ApiLoggerProvider;
  /** True when spans of `role` come from hand-made spans only (a role hosted beside the process's own). */
  isHosted(role: Role): boolean;
  shutdown(): Promise<void>;
}

const TELEMETRY = Symbol.for('tracegate.checkout.telemetry');
type WithTelemetry = typeof globalThis & { [TELEMETRY]?: Telemetry };

/** The telemetry started by `startTelemetry()` in this process, if any. */
export function currentTelemetry(): Telemetry | undefined {
  return (globalThis as WithTelemetry)[TELEMETRY];
}

function batchDelay(name: string): number {
  const value = Number(process.env[name] ?? 100);
  return Number.isFinite(value) && value >= 0 ? value : 100;
}

const json = () => (process.env['OTEL_EXPORTER_OTLP_PROTOCOL'] ?? 'http/protobuf') === 'http/json';
const spanProcessor = () =>
  new tracing.BatchSpanProcessor(json() ? new JsonTraceExporter() : new ProtoTraceExporter(), {
    scheduledDelayMillis: batchDelay('OTEL_BSP_SCHEDULE_DELAY'),
  });
const logProcessor = () =>
  new logs.BatchLogRecordProcessor({
    exporter: json() ? new JsonLogExporter() : new ProtoLogExporter(),
    scheduledDelayMillis: batchDelay('OTEL_BLRP_SCHEDULE_DELAY'),
  });

function headerOf(options: RequestOptions, name: string): unknown {
  const headers = options.headers;
  if (headers === undefined || Array.isArray(headers)) return undefined;
  return (headers as Record<string, unknown>)[name];
}

/** The auto-instrumentations of a checkout process, configured for its roles and faults. */
function instrumentations(config: CheckoutConfig): Instrumentation[] {
  const main = config.roles[0]!;
  const { faults } = config;
  const list: Instrumentation[] = [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => request.url === '/health',
      ignoreOutgoingRequestHook: (options) =>
        headerOf(options, MANUAL_SPAN_HEADER) !== undefined || headerOf(options, DELIVERY_HEADER) !== undefined,
      requestHook: (span, request) => {
        // The webhook starts a new trace (it carries no traceparent) linked to billing's delivery span.
        if (!('socket' in request) || !('rawHeaders' in request)) return;
        const delivery = request.headers[DELIVERY_HEADER];
        if (typeof delivery !== 'string') return;
        const linked = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent: delivery }));
        if (linked !== undefined) span.addLink({ context: linked, attributes: { 'link.reason': 'webhook delivery' } });
      },
      applyCustomAttributesOnSpan: (span, request) => {
        // The span-name-ids fault: naming server spans after the raw URL, ids and all.
        if (main === 'api' && faults.has('span-name-ids') && 'socket' in request && 'rawHeaders' in request) {
          span.updateName(`${request.method ?? 'GET'} ${(request.url ?? '/').split('?')[0]}`);
        }
      },
    }),
    new ExpressInstrumentation(),
    // Polling queries and blocking reads outside any request would each start a trace of their own.
    new PgInstrumentation({ requireParentSpan: true }),
    new IORedisInstrumentation({ requireParentSpan: true }),
  ];
  // The queue-context fault on RabbitMQ: the worker's instrumentation list forgot amqplib.
  if (!(main === 'worker' && faults.has('queue-context'))) {
    list.push(
      new AmqplibInstrumentation({
        publishHook: (span, info) => span.setAttribute(MESSAGE_ID, String(info.options?.messageId ?? '')),
        consumeHook: (span, info) => span.setAttribute(MESSAGE_ID, String(info.msg.properties.messageId ?? '')),
      }),
    );
  }
  // The log-no-ids fault: pino's instrumentation left out, so log lines carry no trace or span id.
  if (!faults.has('log-no-ids')) list.push(new PinoInstrumentation({ disableLogSending: true }));
  return list;
}

/**
 * Starts the OpenTelemetry Node SDK for the process's own role (the first of `config.roles`), with OTLP/HTTP
 * exporters for traces and logs and short batch delays, plus a tracer and logger provider of their own for every
 * further role the process hosts (the embedded broker mode), so their spans carry their own service.name.
 */
export function startTelemetry(config: CheckoutConfig): Telemetry {
  const existing = currentTelemetry();
  if (existing !== undefined) return existing;
  const main = config.roles[0]!;
  const serviceName = process.env['OTEL_SERVICE_NAME'] ?? main;
  const resource = (name: string) => resources.resourceFromAttributes({ 'service.name': name });
  const processor = spanProcessor();
  const rootLoss = main === 'api' && config.rootLoss > 0;
  const sdk = new NodeSDK({
    resource: resource(serviceName),
    resourceDetectors: [],
    spanProcessors: [rootLoss ? new RootLossProcessor(processor, config.rootLoss, config.seed) : processor],
    logRecordProcessors: [logProcessor()],
    instrumentations: instrumentations(config),
  });
  sdk.start();
  const hosted = new Map<Role, { tracer: Tracer; provider: tracing.BasicTracerProvider; logs: logs.LoggerProvider }>();
  for (const role of config.roles.slice(1)) {
    const provider = new tracing.BasicTracerProvider({ resource: resource(role), spanProcessors: [spanProcessor()] });
    const loggerProvider = new logs.LoggerProvider({ resource: resource(role), processors: [logProcessor()] });
    hosted.set(role, { tracer: provider.getTracer('checkout'), provider, logs: loggerProvider });
  }
  const telemetry: Telemetry = {
    tracer: (role) => hosted.get(role)?.tracer ?? trace.getTracer('checkout'),
    loggerProvider: (role) => hosted.get(role)?.logs ?? logsApi.getLoggerProvider(),
    isHosted: (role) => hosted.has(role),
    shutdown: async () => {
      await Promise.allSettled([
        sdk.shutdown(),
        ...[...hosted.values()].flatMap((parts) => [parts.provider.shutdown(), parts.logs.shutdown()]),
      ]);
    },
  };
  (globalThis as WithTelemetry)[TELEMETRY] = telemetry;
  return telemetry;
}

/** Runs `work` with the auto-instrumentations silenced: I/O of a hosted role must not appear as the host's spans. */
export function untraced<T>(work: () => T): T {
  return context.with(suppressTracing(context.active()), work);
}
