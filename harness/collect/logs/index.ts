export { LineSplitter } from './line-splitter.js';
export type { SplitLine } from './line-splitter.js';
export { LogLineParser, TRUNCATED_ATTRIBUTE } from './log-line-parser.js';
export type { ParsedLogLine, IdProblem, IdProblemReason } from './log-line-parser.js';
export {
  DEFAULT_TRACE_ID_FIELDS,
  DEFAULT_SPAN_ID_FIELDS,
  DEFAULT_TRACE_FLAGS_FIELDS,
  DEFAULT_MAX_LINE_CHARS,
} from './log-line-options.js';
export type { LogLineOptions } from './log-line-options.js';
export { LogLineCapture } from './log-line-capture.js';
export type { LineListener } from './log-line-capture.js';
export type { LogCaptureStats } from './log-capture-stats.js';
export { tailLogFile } from './tail-log-file.js';
export type { TailLogFileOptions, LogFileTail } from './tail-log-file.js';
