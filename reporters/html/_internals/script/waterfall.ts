/**
 * Page script, part 5: the waterfall of one example trace, built only when the trace is opened; rows come in pages
 * and a row's details (attributes, events, links, logs) are built when it is clicked.
 */
export const WATERFALL_SCRIPT = String.raw`
var ROWS_PER_PAGE = 500;
var traceButtons = new Map();
var waterfallPanel = null;

function treeOrder(spans) {
  var byId = new Map();
  var children = new Map();
  spans.forEach(function (span) { byId.set(span.spanId, span); });
  spans.forEach(function (span) {
    if (span.parentSpanId === '' || !byId.has(span.parentSpanId)) return;
    if (!children.has(span.parentSpanId)) children.set(span.parentSpanId, []);
    children.get(span.parentSpanId).push(span);
  });
  var order = [];
  var seen = new Set();
  // Roots first, then any span caught in a parent cycle, so every span gets exactly one row.
  var starts = spans.filter(function (span) { return span.parentSpanId === '' || !byId.has(span.parentSpanId); })
    .concat(spans);
  starts.forEach(function (start) {
    if (seen.has(start.spanId)) return;
    var stack = [{ span: start, depth: 0 }];
    while (stack.length > 0) {
      var entry = stack.pop();
      if (seen.has(entry.span.spanId)) continue;
      seen.add(entry.span.spanId);
      order.push(entry);
      var kids = children.get(entry.span.spanId) || [];
      for (var i = kids.length - 1; i >= 0; i--) stack.push({ span: kids[i], depth: entry.depth + 1 });
    }
  });
  return { order: order, byId: byId };
}

function attributeTable(attributes, notShown) {
  var keys = Object.keys(attributes);
  var wrapper = h('div');
  if (keys.length === 0) return add(wrapper, h('p', 'muted', 'no attributes'));
  add(wrapper, table(['key', 'value'], keys, function (key) { return [key, valueText(attributes[key])]; }));
  return add(wrapper, moreNote(notShown, 'attributes'));
}

function spanDetail(span, context) {
  var detail = h('div', 'wf-detail');
  (context.marks.get(span.spanId) || []).forEach(function (mark) {
    var note = add(detail, h('div', 'mark ' + mark.tone, mark.text)).lastChild;
    if (mark.otherTraceId && traceById.has(mark.otherTraceId)) add(note, ' ', traceRef(mark.otherTraceId));
  });
  add(detail, h('h3', null, 'span'), table(['field', 'value'], [
    ['span id', span.spanId],
    ['parent span id', span.parentSpanId === '' ? '(root)' : span.parentSpanId +
      (context.byId.has(span.parentSpanId) ? '' : ' (not in this trace)')],
    ['name', span.name], ['kind', span.kind], ['service', span.service],
    ['start', '+' + nanos(span.startOffsetNs)],
    ['duration', nanos(span.durationNs) + (span.durationNs < 0 ? ' (ends before it starts)' : '')],
    ['status', span.status + (span.statusMessage ? ': ' + span.statusMessage : '')]],
    function (pair) { return pair; }));
  add(detail, h('h3', null, 'attributes'), attributeTable(span.attributes, span.attributesNotShown));
  add(detail, h('h3', null, 'events (' + (span.events.length + span.eventsNotShown) + ')'));
  span.events.forEach(function (event) {
    add(detail, h('div', 'mono', event.name + ' at +' + nanos(event.offsetNs)),
      attributeTable(event.attributes, event.attributesNotShown));
  });
  add(detail, moreNote(span.eventsNotShown, 'events'));
  add(detail, h('h3', null, 'links (' + (span.links.length + span.linksNotShown) + ')'));
  if (span.links.length > 0) add(detail, table(['trace', 'span'], span.links, function (link) {
    return [traceRef(link.traceId), h('span', 'mono', link.spanId)];
  }));
  add(detail, moreNote(span.linksNotShown, 'links'));
  var logs = context.logs.get(span.spanId) || [];
  add(detail, h('h3', null, 'logs (' + logs.length + ')'));
  if (logs.length > 0) add(detail, logTable(logs));
  return detail;
}

function logTable(logs) {
  return table(['at', 'severity', 'service', 'body', 'attributes'], logs, function (log) {
    var attributes = Object.keys(log.attributes).map(function (key) { return key + '=' + valueText(log.attributes[key]); });
    if (log.attributesNotShown > 0) attributes.push(log.attributesNotShown + ' more not shown');
    return ['+' + nanos(log.offsetNs), log.severityText, log.service, h('span', 'mono', valueText(log.body)),
      h('span', 'mono', attributes.join('\n'))];
  });
}

function spanRow(entry, index, context) {
  var span = entry.span;
  var marks = context.marks.get(span.spanId) || [];
  var row = h('div', 'wf-row');
  row.setAttribute('role', 'button');
  row.setAttribute('tabindex', '0');
  row.setAttribute('aria-expanded', 'false');
  row.dataset.index = String(index);
  var label = add(row, h('div', 'wf-label')).lastChild;
  label.style.paddingLeft = (6 + Math.min(entry.depth, 40) * 14) + 'px';
  var broken = marks.some(function (mark) { return mark.tone === 'broken'; });
  if (broken) { row.classList.add('broken'); add(label, h('span', 'flag', 'BROKEN HOP')); }
  else if (marks.length > 0) { row.classList.add('problem'); add(label, h('span', 'flag problem', 'ERROR NOT RECORDED')); }
  // The first span's parent is usually the caller's (the injected client span): only later ones are orphans.
  if (index > 0 && span.parentSpanId !== '' && !context.byId.has(span.parentSpanId)) {
    add(label, h('span', 'flag orphan', 'NO PARENT'));
  }
  add(label, h('span', 'svc', span.service), h('span', 'name', span.name), h('span', 'kind', span.kind));
  var track = add(row, h('div', 'wf-track')).lastChild;
  var bar = add(track, h('div', 'wf-bar' + (span.status === 'error' ? ' error' : ''))).lastChild;
  bar.style.left = (span.startOffsetNs / context.totalNs) * 100 + '%';
  bar.style.width = (Math.max(0, span.durationNs) / context.totalNs) * 100 + '%';
  row.title = span.service + ' \u00b7 ' + span.name + ' \u00b7 ' + nanos(span.durationNs) + ' at +' + nanos(span.startOffsetNs) +
    marks.map(function (mark) { return '\n' + mark.text; }).join('');
  return row;
}

function timeAxis(totalNs) {
  var head = h('div', 'wf-head');
  add(head, h('div', 'wf-label', 'service \u00b7 span'));
  var track = add(head, h('div', 'wf-track')).lastChild;
  for (var step = 0; step <= 4; step++) {
    var tick = add(track, h('span', step === 0 ? 'first' : step === 4 ? 'last' : null, nanos((totalNs * step) / 4))).lastChild;
    tick.style.left = step * 25 + '%';
  }
  return head;
}

function renderWaterfall(trace) {
  var tree = treeOrder(trace.spans);
  var context = { byId: tree.byId, marks: new Map(), logs: new Map(), totalNs: 1 };
  trace.spans.forEach(function (span) {
    context.totalNs = Math.max(context.totalNs, span.startOffsetNs + Math.max(0, span.durationNs));
  });
  trace.marks.forEach(function (mark) {
    if (!context.marks.has(mark.spanId)) context.marks.set(mark.spanId, []);
    context.marks.get(mark.spanId).push(mark);
  });
  var unattached = [];
  trace.logs.forEach(function (log) {
    if (!tree.byId.has(log.spanId)) { unattached.push(log); return; }
    if (!context.logs.has(log.spanId)) context.logs.set(log.spanId, []);
    context.logs.get(log.spanId).push(log);
  });

  var view = h('div');
  add(view, h('h3', null, 'trace ' + trace.traceId));
  add(view, h('p', 'note', trace.spans.length + ' spans over ' + nanos(context.totalNs) + ', starting at ' +
    trace.startTimeUnixNano + ' ns (Unix); click a span for its attributes, events, links and logs'));
  trace.marks.forEach(function (mark) {
    if (!tree.byId.has(mark.spanId)) add(view, h('div', 'mark ' + mark.tone, 'span ' + mark.spanId + ' (not shown): ' + mark.text));
  });
  add(view, moreNote(trace.spansNotShown, 'spans of this trace'));
  var waterfall = add(view, h('div', 'waterfall')).lastChild;
  add(waterfall, timeAxis(context.totalNs));
  var shown = 0;
  var pager = h('button', 'link', '');
  pager.type = 'button';
  function nextPage() {
    var end = Math.min(tree.order.length, shown + ROWS_PER_PAGE);
    var rows = document.createDocumentFragment();
    for (; shown < end; shown++) rows.appendChild(spanRow(tree.order[shown], shown, context));
    waterfall.insertBefore(rows, pager.parentNode === waterfall ? pager : null);
    if (shown >= tree.order.length) { if (pager.parentNode) pager.remove(); return; }
    pager.textContent = 'show the next ' + Math.min(ROWS_PER_PAGE, tree.order.length - shown) + ' of ' +
      (tree.order.length - shown) + ' more spans';
    if (!pager.parentNode) add(waterfall, pager);
  }
  pager.addEventListener('click', nextPage);
  nextPage();

  function toggle(row) {
    var entry = tree.order[Number(row.dataset.index)];
    if (!entry) return;
    var open = row.getAttribute('aria-expanded') === 'true';
    if (open) {
      if (row.nextSibling && row.nextSibling.classList.contains('wf-detail')) row.nextSibling.remove();
    } else {
      row.after(spanDetail(entry.span, context));
    }
    row.setAttribute('aria-expanded', String(!open));
  }
  waterfall.addEventListener('click', function (event) {
    var row = event.target.closest ? event.target.closest('.wf-row') : null;
    if (row) toggle(row);
  });
  waterfall.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    var row = event.target.closest ? event.target.closest('.wf-row') : null;
    if (!row || row !== event.target) return;
    event.preventDefault();
    toggle(row);
  });

  if (unattached.length > 0) add(view, h('h3', null, 'logs not tied to a span shown here'), logTable(unattached));
  add(view, moreNote(trace.logsNotShown, 'logs of this trace'));
  return view;
}

function openTrace(traceId, scroll) {
  var trace = traceById.get(traceId);
  if (!trace || !waterfallPanel) return;
  traceButtons.forEach(function (button, id) { button.setAttribute('aria-pressed', String(id === traceId)); });
  waterfallPanel.replaceChildren(renderWaterfall(trace));
  waterfallPanel.dataset.trace = traceId;
  if (scroll) waterfallPanel.scrollIntoView({ block: 'start' });
}

function renderTraces() {
  var traces = section('Example traces', 'the traces the checks point at; broken hops and unrecorded errors are marked on their spans');
  traces.id = 'traces';
  if (data.traces.length === 0) {
    add(traces, h('p', 'muted', 'no example traces: nothing failed, or their spans never arrived'));
  }
  var list = add(traces, h('div', 'trace-list')).lastChild;
  data.traces.forEach(function (trace) {
    var first = trace.spans[0];
    var button = add(list, h('button', trace.marks.some(function (m) { return m.tone === 'broken'; }) ? 'has-break' : null,
      trace.traceId.slice(0, 8) + '\u2026' + trace.traceId.slice(-4) + ' ' + (first ? first.name : '(no spans)'))).lastChild;
    button.type = 'button';
    button.title = trace.traceId + ': ' + trace.spans.length + ' spans, ' + trace.marks.length + ' marked';
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', function () { openTrace(trace.traceId, false); });
    traceButtons.set(trace.traceId, button);
  });
  if (data.tracesNotShown > 0) {
    add(traces, h('p', 'more', data.tracesNotShown + ' more example traces not shown' +
      (data.traceIdsNotShown.length > 0 ? ': ' + data.traceIdsNotShown.join(', ') : '')));
  }
  waterfallPanel = add(traces, h('div', 'waterfall-panel')).lastChild;
}
`;
