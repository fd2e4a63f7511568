// The JSON reporter: Report v1 as text, and the JSON Schema that describes it (report.schema.json).
export { renderJsonReport } from './render-json-report.js';
