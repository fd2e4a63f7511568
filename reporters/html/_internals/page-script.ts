import { COVERAGE_SCRIPT } from './script/coverage.js';
import { DOM_SCRIPT } from './script/dom.js';
import { HOPS_SCRIPT } from './script/hops.js';
import { MAIN_SCRIPT } from './script/main.js';
import { SUMMARY_SCRIPT } from './script/summary.js';
import { WATERFALL_SCRIPT } from './script/waterfall.js';

/**
 * The page's only script, inline and allowed by its hash. It reads the embedded JSON and builds every node with
 * createElement and textContent, so no text from a service is ever parsed as markup.
 */
export const PAGE_SCRIPT = [
  '(function () {',
  "'use strict';",
  DOM_SCRIPT,
  SUMMARY_SCRIPT,
  HOPS_SCRIPT,
  COVERAGE_SCRIPT,
  WATERFALL_SCRIPT,
  MAIN_SCRIPT,
  '})();',
].join('\n');
