/** Page script, part 2: the verdict with its reasons, the error of an ERROR run, the checks, traffic and harness. */
export const SUMMARY_SCRIPT = String.raw`
function renderSummary() {
  var summary = data.summary;
  var header = add(root, h('header')).lastChild;
  var title = add(header, h('h1')).lastChild;
  add(title, h('span', 'badge verdict s-' + summary.verdict, summary.verdict), 'scenario ' + summary.scenario);
  add(header, h('p', 'meta', 'run ' + summary.runId + ' \u00b7 seed ' + summary.seed + ' \u00b7 started ' +
    summary.startedAt + ' \u00b7 ' + millis(summary.durationMs) + ' \u00b7 exit code ' + summary.exitCode +
    ' \u00b7 tracegate ' + summary.tracegateVersion));
  var reasons = add(header, h('ul', 'reasons')).lastChild;
  data.reasons.rows.forEach(function (reason) { add(reasons, h('li', null, reason)); });
  add(header, moreNote(data.reasons.notShown, 'reasons'));
  if (summary.error) {
    var box = add(header, h('div', 'error-box')).lastChild;
    add(box, h('strong', null, summary.error.code), ' ', summary.error.service ? 'service ' + summary.error.service : '');
    add(box, h('pre', null, summary.error.message));
    if (summary.error.output.rows.length > 0) {
      add(box, h('p', 'note', 'last lines the service printed'), h('pre', null, summary.error.output.rows.join('\n')));
    }
    add(box, moreNote(summary.error.output.notShown, 'output lines'));
  }

  var checks = section('Checks', 'thresholds gate on the ' + (summary.thresholds.gateOn === 'lower-bound' ?
    'lower bound of the interval' : 'estimate') + '; intervals are Wilson at ' + percent(summary.thresholds.confidence) +
    ' confidence; fewer than ' + summary.thresholds.minSamples + ' samples is inconclusive');
  checks.id = 'checks';
  add(checks, table(['check', 'status', '#value', '#threshold', 'interval', '#n', 'note', 'examples'], data.checks,
    function (check) {
      return [h('span', 'mono', check.id), badge(check.status), share(check.value), share(check.threshold),
        range(check.interval), check.n, check.note || '', traceRefs(check.examples)];
    }));
}

function renderRunTotals() {
  var summary = data.summary;
  var traffic = summary.traffic;
  var harness = summary.harness;
  var totals = section('Traffic and harness');
  add(totals, h('h3', null, 'traffic'), keyValues([
    ['sent', traffic.sent], ['completed', traffic.completed], ['failed', traffic.failed],
    ['duration', millis(traffic.durationMs)], ['propagation', traffic.propagation],
    ['correlated by', counts(traffic.correlation)]]));
  add(totals, h('h3', null, 'harness'), keyValues(Object.keys(harness).map(function (key) {
    return [key, harness[key] === null ? '\u2013' : String(harness[key])];
  })));
}
`;
