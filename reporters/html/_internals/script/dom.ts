/** Page script, part 1: building DOM nodes (text only ever through textContent) and formatting numbers. */
export const DOM_SCRIPT = String.raw`
var data = JSON.parse(document.getElementById('tracegate-data').textContent);
var root = document.getElementById('report');
var traceById = new Map();
data.traces.forEach(function (trace) { traceById.set(trace.traceId, trace); });

function h(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}
function add(parent) {
  for (var i = 1; i < arguments.length; i++) {
    var child = arguments[i];
    if (child === null || child === undefined) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  return parent;
}
function share(value) {
  if (value === null || value === undefined) return '\u2013';
  return String(Math.round(value * 10000) / 10000);
}
function percent(value) {
  if (value === null || value === undefined) return '\u2013';
  var digits = value > 0.999 && value < 1 ? 2 : 1;
  return (value * 100).toFixed(digits) + '%';
}
function range(interval) {
  return interval ? '[' + share(interval.low) + ', ' + share(interval.high) + ']' : '\u2013';
}
function nanos(value) {
  var size = Math.abs(value);
  var sign = value < 0 ? '-' : '';
  if (size >= 1e9) return sign + (size / 1e9).toFixed(2) + ' s';
  if (size >= 1e6) return sign + (size / 1e6).toFixed(2) + ' ms';
  if (size >= 1e3) return sign + (size / 1e3).toFixed(1) + ' \u00b5s';
  return sign + size + ' ns';
}
function millis(value) {
  return value === null ? '\u2013' : value >= 1000 ? (value / 1000).toFixed(2) + ' s' : value + ' ms';
}
function valueText(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
function badge(status) {
  return h('span', 'badge s-' + status, status);
}
function moreNote(count, what) {
  return count > 0 ? h('p', 'more', count + ' more ' + what + ' not shown (see the JSON report)') : null;
}
function section(title, note) {
  var wrapper = h('section');
  add(wrapper, h('h2', null, title));
  if (note) add(wrapper, h('p', 'note', note));
  add(root, wrapper);
  return wrapper;
}
function traceRef(traceId) {
  if (!traceById.has(traceId)) {
    var plain = h('span', 'mono', traceId);
    plain.title = 'not among the example traces this page draws';
    return plain;
  }
  var button = h('button', 'link mono', traceId);
  button.type = 'button';
  button.title = 'open this trace\'s waterfall';
  button.addEventListener('click', function () { openTrace(traceId, true); });
  return button;
}
function traceRefs(traceIds) {
  var cell = h('span');
  traceIds.forEach(function (traceId, index) {
    if (index > 0) add(cell, ' ');
    add(cell, traceRef(traceId));
  });
  return cell;
}
function table(headers, rows, cellsOf) {
  var node = h('table');
  var head = add(node, h('thead')).lastChild;
  var headRow = add(head, h('tr')).lastChild;
  headers.forEach(function (header) {
    var numeric = header.charAt(0) === '#';
    add(headRow, h('th', numeric ? 'num' : null, numeric ? header.slice(1) : header));
  });
  var body = add(node, h('tbody')).lastChild;
  rows.forEach(function (row) {
    var tr = add(body, h('tr')).lastChild;
    cellsOf(row).forEach(function (cell, index) {
      var td = add(tr, h('td', headers[index] && headers[index].charAt(0) === '#' ? 'num' : null)).lastChild;
      add(td, cell);
    });
  });
  return node;
}
function counts(record) {
  return Object.keys(record).filter(function (key) { return record[key] > 0; })
    .map(function (key) { return record[key] + ' ' + key; }).join(', ') || '\u2013';
}
function keyValues(pairs) {
  var grid = h('div', 'kv');
  pairs.forEach(function (pair) {
    var item = add(grid, h('div')).lastChild;
    add(item, h('span', 'muted', pair[0]), h('span', 'mono', pair[1]));
  });
  return grid;
}
`;
