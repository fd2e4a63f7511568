/** Page script, part 6: draws every section in order and opens the first example trace with a broken hop. */
export const MAIN_SCRIPT = String.raw`
renderSummary();
renderHops();
renderCoverage();
renderTraces();
renderOtherChecks();
renderRunTotals();
var firstTrace = data.traces.filter(function (trace) {
  return trace.marks.some(function (mark) { return mark.tone === 'broken'; });
})[0] || data.traces[0];
if (firstTrace) openTrace(firstTrace.traceId, false);
if (waterfallPanel) waterfallPanel.dataset.ready = 'true';
if (window.performance && performance.mark) performance.mark('tracegate:waterfall-ready');
`;
