import { matching } from './shape.js';

// The same patterns appear in reporters/json/report.schema.json; the schema tests keep the two in step.
export const traceId = matching(/^[0-9a-f]{32}$/, 'a trace id (32 lowercase hex characters)');
export const spanId = matching(/^[0-9a-f]{16}$/, 'a span id (16 lowercase hex characters)');
export const traceIdOrEmpty = matching(/^(?:[0-9a-f]{32})?$/, "a trace id (32 lowercase hex characters) or ''");
export const spanIdOrEmpty = matching(/^(?:[0-9a-f]{16})?$/, "a span id (16 lowercase hex characters) or ''");
