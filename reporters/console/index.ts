// The console reporter: a summary of a Report a person reads in ten seconds, and the failing example traces.
export { renderSummary } from './summary.js';
export type { SummaryOptions } from './summary.js';
export { renderConsoleReport } from './render-console-report.js';
export type { ConsoleReportOptions } from './render-console-report.js';
export { failureExamples } from './failure-examples.js';
export type { FailureExample, FailureExampleOptions, Line, Segment, Tone } from './failure-examples.js';
export { useColor } from './use-color.js';
export type { ColorContext } from './use-color.js';
