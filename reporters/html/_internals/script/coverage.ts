/** Page script, part 4: root coverage per route with its Wilson interval as a bar with whiskers. */
export const COVERAGE_SCRIPT = String.raw`
function coverageScale(routes, threshold) {
  var lowest = threshold === null ? 1 : threshold;
  routes.forEach(function (route) { lowest = Math.min(lowest, route.interval.low); });
  // Gate rates sit near 1: zoom the axis to the interesting part, in steps of 0.05.
  var start = Math.max(0, Math.floor((lowest - 0.02) * 20) / 20);
  return { start: start, position: function (value) {
    return Math.max(0, Math.min(100, ((value - start) / (1 - start)) * 100));
  } };
}

function placeAt(node, scale, value) {
  node.style.left = scale.position(value) + '%';
  return node;
}

function renderCoverage() {
  var threshold = data.summary.thresholds.minRootCoverage;
  var coverage = section('Root coverage per route', 'dot: share of requests whose entry span arrived; whiskers: its interval; dashed line: the threshold (' + share(threshold) + ')');
  coverage.id = 'coverage';
  var routes = data.routes.rows;
  if (routes.length === 0) {
    add(coverage, h('p', 'muted', 'no routes were measured'));
    return;
  }
  var scale = coverageScale(routes, threshold);
  routes.forEach(function (route) {
    var row = add(coverage, h('div', 'coverage-row')).lastChild;
    var label = add(row, h('div')).lastChild;
    add(label, h('span', 'mono', route.route), ' ', badge(route.status));
    var track = add(row, h('div', 'track')).lastChild;
    track.title = route.route + ': ' + route.covered + ' of ' + route.n + ' requests produced an entry span (' +
      percent(route.rate) + ', interval ' + range(route.interval) + ', threshold ' + share(threshold) + ')';
    track.setAttribute('role', 'img');
    track.setAttribute('aria-label', track.title);
    var whisker = add(track, placeAt(h('div', 'whisker'), scale, route.interval.low)).lastChild;
    whisker.style.width = (scale.position(route.interval.high) - scale.position(route.interval.low)) + '%';
    add(track, placeAt(h('div', 'whisker-cap'), scale, route.interval.low));
    add(track, placeAt(h('div', 'whisker-cap'), scale, route.interval.high));
    add(track, placeAt(h('div', 'threshold'), scale, threshold));
    if (route.rate !== null) {
      var estimate = add(track, placeAt(h('div', 'estimate s-' + route.status), scale, route.rate)).lastChild;
      estimate.setAttribute('aria-hidden', 'true');
    }
    var numbers = add(row, h('div', 'mono')).lastChild;
    add(numbers, route.covered + '/' + route.n + ' = ' + percent(route.rate) + ' ' + range(route.interval));
    if (route.examples.length > 0) add(numbers, h('br'), 'no entry span: ', traceRefs(route.examples.slice(0, 2)));
  });
  var axis = add(coverage, h('div', 'coverage-row')).lastChild;
  add(axis, h('div'));
  var ticks = add(axis, h('div', 'axis')).lastChild;
  for (var step = 0; step <= 4; step++) {
    var value = scale.start + ((1 - scale.start) * step) / 4;
    add(ticks, placeAt(h('span', null, percent(value)), scale, value));
  }
  add(coverage, moreNote(data.routes.notShown, 'routes'));
}

function renderOtherChecks() {
  var errors = section('Error recording');
  if (data.operations.rows.length === 0) add(errors, h('p', 'muted', 'no failing work was seen'));
  else add(errors, table(['service', 'operation', '#failing', '#recorded', '#no ERROR status', '#no exception event', 'status', 'examples'],
    data.operations.rows, function (row) {
      return [row.service, h('span', 'mono', row.operation), row.n, row.recorded, row.withoutErrorStatus,
        row.withoutExceptionEvent, badge(row.status), traceRefs(row.examples.map(function (e) { return e.traceId; }))];
    }));
  add(errors, moreNote(data.operations.notShown, 'operations'));

  var logs = section('Log correlation');
  if (data.logServices.rows.length === 0) add(logs, h('p', 'muted', 'no request-scoped logs were seen'));
  else add(logs, table(['service', '#logs', '#correlated', '#without ids', '#unresolved', '#leaked', '#rate', 'interval', 'status', 'examples'],
    data.logServices.rows, function (row) {
      var examples = h('div');
      row.examples.forEach(function (example) {
        add(examples, h('div', null, example.problem + ': '), traceRef(example.traceId), h('div', 'mono', example.excerpt));
      });
      return [row.service, row.n, row.correlated, row.withoutIds, row.unresolved, row.leaked, percent(row.rate),
        range(row.interval), badge(row.status), examples];
    }));
  add(logs, moreNote(data.logServices.notShown, 'services'));

  var hygiene = section('Hygiene');
  if (data.hygiene.rows.length === 0) add(hygiene, h('p', 'muted', 'no hygiene findings'));
  else add(hygiene, table(['code', 'level', '#count', 'message', 'examples'], data.hygiene.rows, function (row) {
    return [h('span', 'mono', row.code), row.level, row.count, row.message, traceRefs(row.examples)];
  }));
  add(hygiene, moreNote(data.hygiene.notShown, 'hygiene rows'));

  var findings = section('Findings');
  if (data.findings.rows.length === 0) add(findings, h('p', 'muted', 'no findings'));
  else add(findings, table(['level', 'code', 'message', 'trace', 'span'], data.findings.rows, function (finding) {
    return [finding.level, h('span', 'mono', finding.code), finding.message,
      finding.traceId === null ? '' : traceRef(finding.traceId), h('span', 'mono', finding.spanId || '')];
  }));
  add(findings, moreNote(data.findings.notShown, 'findings'));
}
`;
