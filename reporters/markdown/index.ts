// The Markdown reporter: a Report for a pull-request comment or a GitHub step summary.
export { DEFAULT_MARKDOWN_MAX_BYTES, renderMarkdownReport } from './render-markdown-report.js';
export type { MarkdownReportOptions } from './render-markdown-report.js';
