// The JUnit reporter: a Report as the XML that CI test reporters read.
export { renderJunitReport } from './render-junit-report.js';
