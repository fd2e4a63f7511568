/** Page script, part 3: the continuity matrix of service edges (from × to, coloured by break rate) and its table. */
export const HOPS_SCRIPT = String.raw`
var MATRIX_SERVICES = 40;

function breakColour(breakRate) {
  if (breakRate === 0) return 'hsl(130, 50%, 70%)';
  var severity = Math.min(1, breakRate / 0.1);
  return 'hsl(' + Math.round(50 * (1 - severity)) + ', 85%, ' + Math.round(72 - 14 * severity) + '%)';
}

function edgeCells(edges) {
  var cells = new Map();
  edges.forEach(function (edge) {
    var key = JSON.stringify([edge.from, edge.to]);
    var cell = cells.get(key);
    if (!cell) {
      cell = { n: 0, continuous: 0, edges: [] };
      cells.set(key, cell);
    }
    cell.n += edge.n;
    cell.continuous += edge.continuous;
    cell.edges.push(edge);
  });
  return cells;
}

function cellTitle(from, to, cell) {
  var lines = [from + ' \u2192 ' + to + ': ' + (cell.n - cell.continuous) + ' of ' + cell.n + ' hops broken'];
  cell.edges.forEach(function (edge) {
    lines.push(edge.via + ' (' + edge.source + ', accepts ' + edge.accepts + '): ' + edge.continuous + '/' + edge.n +
      ' continuous (' + edge.asChild + ' as child, ' + edge.asLink + ' as link), interval ' + range(edge.interval) +
      ', ' + edge.status);
    lines.push('  breaks: ' + counts(edge.breaks) + '; attributed by: ' + counts(edge.attribution));
  });
  return lines.join('\n');
}

function renderHops() {
  var hops = section('Hop continuity', 'each cell is one service edge, coloured by its break rate; hover for the break counts');
  hops.id = 'hops';
  var edges = data.edges.rows;
  if (edges.length === 0) {
    add(hops, h('p', 'muted', 'no service edges were observed or declared'));
    return;
  }
  var froms = [], tos = [];
  edges.forEach(function (edge) {
    if (froms.indexOf(edge.from) < 0) froms.push(edge.from);
    if (tos.indexOf(edge.to) < 0) tos.push(edge.to);
  });
  froms.sort(); tos.sort();
  var cells = edgeCells(edges);
  var matrix = add(hops, h('table', 'matrix')).lastChild;
  matrix.setAttribute('aria-label', 'continuity matrix, rows are upstream services, columns downstream');
  var headRow = add(add(matrix, h('thead')).lastChild, h('tr')).lastChild;
  add(headRow, h('th', null, 'from \\ to'));
  tos.slice(0, MATRIX_SERVICES).forEach(function (to) {
    var th = add(headRow, h('th', null, to)).lastChild;
    th.title = to;
  });
  var body = add(matrix, h('tbody')).lastChild;
  froms.slice(0, MATRIX_SERVICES).forEach(function (from) {
    var row = add(body, h('tr')).lastChild;
    var th = add(row, h('th', null, from)).lastChild;
    th.title = from;
    tos.slice(0, MATRIX_SERVICES).forEach(function (to) {
      var cell = cells.get(JSON.stringify([from, to]));
      if (!cell) {
        add(row, h('td', 'none', '\u00b7'));
        return;
      }
      var broken = cell.n - cell.continuous;
      var td = add(row, h('td', 'cell')).lastChild;
      td.style.backgroundColor = cell.n === 0 ? '' : breakColour(broken / cell.n);
      td.title = cellTitle(from, to, cell);
      td.setAttribute('aria-label', td.title);
      add(td, cell.n === 0 ? 'n=0' : percent(cell.continuous / cell.n), h('br'), h('small', null, broken + ' broken'));
    });
  });
  if (froms.length > MATRIX_SERVICES || tos.length > MATRIX_SERVICES) {
    add(hops, h('p', 'more', 'the matrix shows the first ' + MATRIX_SERVICES + ' services each way; the table lists every edge'));
  }
  var legend = add(hops, h('div', 'legend')).lastChild;
  add(legend, 'break rate:');
  [0, 0.01, 0.05, 0.1].forEach(function (rate) {
    var item = add(legend, h('span')).lastChild;
    var swatch = add(item, h('span', 'swatch')).lastChild;
    swatch.style.backgroundColor = breakColour(rate);
    add(item, (rate === 0.1 ? '\u2265 ' : '') + percent(rate));
  });

  add(hops, table(['from \u2192 to', 'via', '#n', '#continuous', '#rate', 'interval', 'status', 'breaks', 'attributed by', 'examples'],
    edges, function (edge) {
      return [edge.from + ' \u2192 ' + edge.to, edge.via + (edge.accepts === 'child' ? ' (child only)' : ''), edge.n,
        edge.continuous, percent(edge.rate), range(edge.interval), badge(edge.status), counts(edge.breaks),
        counts(edge.attribution), traceRefs(edge.examples.map(function (example) { return example.traceId; }))];
    }));
  add(hops, moreNote(data.edges.notShown, 'edges'));
}
`;
