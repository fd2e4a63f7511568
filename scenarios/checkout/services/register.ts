// Loaded with `node --import tsx --import ./register.ts main.ts`: registers the ESM loader hook and starts the
// OpenTelemetry SDK before the service imports express, pg, amqplib, ioredis or pino — unless the late-sdk fault
// asks for the mistake of starting it after them (main.ts does that).
import { register } from 'node:module';
import { readConfig } from './config.js';
import { startTelemetry } from './telemetry.js';

const config = readConfig();
if (!(config.faults.has('late-sdk') && config.roles.includes('api'))) {
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  startTelemetry(config);
}
