// The HTML reporter: Report v1 as one self-contained, interactive page (docs/html-report.md).
export { renderHtmlReport } from './render-html-report.js';
