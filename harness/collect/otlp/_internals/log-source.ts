import type { LogSource } from '../../../model/log.js';

/** Every OTLP log shares this source object. */
export const OTLP_LOG_SOURCE: LogSource = Object.freeze({ kind: 'otlp' });
