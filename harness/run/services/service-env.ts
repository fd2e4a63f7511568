import type { ServiceSpec } from './service-spec.js';

/** Batch delay for spans and logs: verdicts come after a tenth of a second instead of the SDK's 5 s default. */
export const SERVICE_BATCH_DELAY_MS = 100;

// Signal-specific endpoints would win over the base endpoint in the SDK and send telemetry past the harness.
const INHERITED_ENDPOINTS = [
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_EXPORTER_OTLP_LOGS_ENDPOINT',
  'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT',
];

/**
 * The environment of a started service: the inherited one; the harness's OTLP endpoint, service name, exporter,
 * protocol (kept when inherited) and short batch delays; then the spec's own `env`, which wins over everything.
 */
export function serviceEnvironment(
  spec: Pick<ServiceSpec, 'name' | 'env'>,
  otlpEndpoint: string,
  inherited: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(inherited)) if (value !== undefined) env[key] = value;
  for (const key of INHERITED_ENDPOINTS) delete env[key];
  Object.assign(env, {
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
    // An inherited name would give every service the harness's own; only the spec may set it.
    OTEL_SERVICE_NAME: spec.name,
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_PROTOCOL: env['OTEL_EXPORTER_OTLP_PROTOCOL'] ?? 'http/protobuf',
    OTEL_BSP_SCHEDULE_DELAY: String(SERVICE_BATCH_DELAY_MS),
    OTEL_BLRP_SCHEDULE_DELAY: String(SERVICE_BATCH_DELAY_MS),
  });
  return Object.assign(env, spec.env);
}
