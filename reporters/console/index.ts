// The console reporter: a summary of a Report a person reads in ten seconds.
export { renderSummary } from './summary.js';
