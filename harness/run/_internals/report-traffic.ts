import type { ReportTraffic } from '../../report/report.js';
import type { TrafficResult } from '../../traffic/request-record.js';

/** The report's `traffic` section from the driver's result; correlation counts add up to `sent`. */
export function reportTraffic(result: TrafficResult | undefined, propagate: boolean): ReportTraffic {
  const correlation = { injected: 0, traceResponse: 0, requestId: 0, timing: 0, uncorrelated: 0 };
  for (const record of result?.records ?? []) {
    if (record.correlation === 'traceparent') correlation.injected++;
    else if (record.correlation === 'traceresponse') correlation.traceResponse++;
    else if (record.correlation === 'request-id') correlation.requestId++;
    // Timing ties a response to an entry span; a request that got no response has nothing to be timed against.
    else if (record.status !== undefined) correlation.timing++;
    else correlation.uncorrelated++;
  }
  return {
    sent: result?.sent ?? 0,
    completed: result?.completed ?? 0,
    failed: result?.failed ?? 0,
    durationMs: result?.durationMs ?? 0,
    propagation: propagate ? 'inject' : 'none',
    correlation,
  };
}
