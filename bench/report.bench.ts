/**
 * HTML report benchmark (issue 6): a run of 10,000 requests and 200,000 spans, judged the way `tracegate run`
 * judges it (spans in a Store, the real checks, example traces and buildReport), rendered by renderHtmlReport.
 * Prints the file size and the time to open it in headless Chromium (load event and first waterfall drawn), against
 * a same-run peer: the JSON report of the same run shown as a plain <pre> page. A second, stress report carries
 * all 200,000 spans in 20 example traces (far past the run's own caps) to show the page's caps hold.
 * Rounds interleave the pages so load on the machine hits them alike; medians with the spread (min–max).
 * Prints numbers; it is not a test. Run: npm run bench:report (BENCH_ROUNDS=5 to change; BENCH_KEEP_DIR=dir keeps
 * the pages).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { checkInputFromStore } from '../harness/checks/check-input-from-store.js';
import { runChecks } from '../harness/checks/run-checks.js';
import { Store } from '../harness/collect/store.js';
import type { SpanRecord } from '../harness/model/span.js';
import { compactTrace } from '../harness/report/compact-trace.js';
import type { Report } from '../harness/report/report.js';
import { buildReport } from '../harness/run/_internals/build-report.js';
import { exampleTraces } from '../harness/run/_internals/example-traces.js';
import { DEFAULT_THRESHOLDS } from '../harness/verdict/thresholds.js';
import { renderHtmlReport } from '../reporters/html/index.js';
import { renderJsonReport } from '../reporters/json/index.js';
import { findChromium } from '../test/support/chromium.js';
import { injectedIds, requestLog, requestRecord, requestSpans } from './_internals/verdict-requests.js';

const REQUESTS = 10_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
// CHROMIUM (the bench's older name for the override) still wins; then CHROMIUM_PATH, /usr/bin/chromium, PATH.
const chromiumLookup = findChromium(
  process.env.CHROMIUM ? { ...process.env, CHROMIUM_PATH: process.env.CHROMIUM } : process.env,
);
if (chromiumLookup.path === undefined) {
  throw new Error(`report bench: no Chromium executable at ${chromiumLookup.tried.join(', ')}; set CHROMIUM_PATH`);
}
const CHROMIUM = chromiumLookup.path;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'];
const EXTRA_SPANS: readonly { parent: number; name: string; kind: SpanRecord['kind'] }[] = [
  ...['SELECT orders', 'INSERT orders', 'INSERT outbox', 'SELECT stock', 'UPDATE stock', 'COMMIT'].map((name) => ({
    parent: 1,
    name,
    kind: 'client' as const,
  })),
  ...['decode message', 'load order', 'price order', 'save charge'].map((name) => ({
    parent: 3,
    name,
    kind: 'internal' as const,
  })),
  ...['authorize card', 'risk score', 'ledger write', 'render receipt'].map((name) => ({
    parent: 5,
    name,
    kind: 'internal' as const,
  })),
];

const hex = (value: number, length: number): string => value.toString(16).padStart(length, '0');

/**
 * Request `seq`'s 20 spans: the six of the verdict benchmark plus database and internal children. Faults, one at a
 * time: every 40th request's consumer restarts the trace, every 250th loses its entry span, and every 100th
 * failing request records no exception event on its entry span.
 */
function spansOf(seq: number): SpanRecord[] {
  const base = requestSpans(seq);
  const extras = EXTRA_SPANS.map((extra, index): SpanRecord => {
    const parent = base[extra.parent]!;
    const start = parent.startTimeUnixNano + BigInt(20_000 + index * 15_000);
    return {
      ...parent,
      spanId: hex(0x6b_0000_0000 + seq * 16 + index, 16),
      parentSpanId: parent.spanId,
      name: extra.name,
      kind: extra.kind,
      startTimeUnixNano: start,
      endTimeUnixNano: start + 90_000n,
      attributes:
        extra.kind === 'client'
          ? { 'db.system.name': 'postgresql', 'db.query.text': `${extra.name} WHERE id = $1`, 'db.namespace': 'shop' }
          : { 'code.function': extra.name.replace(' ', '_'), 'app.order.id': seq },
      events: [],
      status: { code: 'unset', message: '' },
    };
  });
  let spans = [...base, ...extras];
  if (seq % 100 === 0) spans[0] = { ...spans[0]!, events: [] };
  if (seq % 40 === 7) {
    const restarted = hex(0x9e57_0000 + seq, 32);
    const downstream = new Set([3, 4, 5].map((position) => base[position]!.spanId));
    for (const extra of extras) if (downstream.has(extra.parentSpanId)) downstream.add(extra.spanId);
    spans = spans.map((span) =>
      downstream.has(span.spanId)
        ? { ...span, traceId: restarted, parentSpanId: span.spanId === base[3]!.spanId ? '' : span.parentSpanId }
        : span,
    );
  }
  if (seq % 250 === 11) spans = spans.slice(1);
  return spans;
}

function realisticRun(): { report: Report; store: Store; spans: number } {
  const store = new Store();
  const records = [];
  for (let seq = 1; seq <= REQUESTS; seq++) {
    records.push(requestRecord(seq));
    store.addSpans(spansOf(seq));
    store.addLogs([requestLog(seq)]);
  }
  store.markJudged(store.traceIds());
  const outcome = runChecks(checkInputFromStore(store, records, DEFAULT_THRESHOLDS));
  const examples = exampleTraces(store, outcome.checks, 20);
  const counters = store.counters();
  const report = buildReport({
    tracegateVersion: '0.1.0',
    scenario: 'checkout',
    runId: 'bench-report',
    seed: 42,
    startedAtUnixMs: Date.UTC(2025, 2, 1, 12),
    durationMs: 15_000,
    thresholds: DEFAULT_THRESHOLDS,
    traffic: {
      sent: REQUESTS,
      completed: REQUESTS,
      failed: 0,
      durationMs: 10_000,
      propagation: 'inject',
      correlation: { injected: REQUESTS, traceResponse: 0, requestId: 0, timing: 0, uncorrelated: 0 },
    },
    checks: outcome.checks,
    findings: outcome.findings,
    harness: {
      spansReceived: counters.spansReceived,
      logsReceived: counters.logsReceived,
      spansRejected: 0,
      logsRejected: 0,
      lateSpans: 0,
      lateLogs: 0,
      spansDuplicate: counters.spansDuplicate,
      findingsDropped: counters.findingsDropped,
      exportsRefused: 0,
      exportsThrottled: 0,
      deadlineReached: false,
      tracesNotQuiet: 0,
      timeToVerdictMs: 40,
    },
    traces: examples.traces,
    tracesOmitted: examples.omitted,
    error: null,
  });
  return { report, store, spans: counters.spansStored };
}

/** The same run with every one of its spans in 20 example traces of 10,000 spans: far past the run's caps. */
function stressReport(report: Report, store: Store): Report {
  const logs = store.logs();
  const traces = Array.from({ length: 20 }, (_, index) => {
    const spans: SpanRecord[] = [];
    for (let seq = index * (REQUESTS / 20) + 1; seq <= (index + 1) * (REQUESTS / 20); seq++) {
      spans.push(...store.trace(injectedIds(seq).traceId));
    }
    return compactTrace(injectedIds(index * (REQUESTS / 20) + 1).traceId, spans, { logs, maxSpans: 20_000 });
  });
  return { ...report, traces };
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[character]!);

interface Opening {
  readonly wallMs: number;
  readonly loadMs: number;
  readonly openedMs: number;
}

async function open(page: Page, url: string, waterfall: boolean): Promise<Opening> {
  const started = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  if (waterfall) await page.waitForSelector('[data-ready="true"]', { state: 'attached' });
  const wallMs = performance.now() - started;
  // A string, not a function: this project compiles without the DOM types.
  const timing = await page.evaluate<{ loadMs: number; readyMs: number }>(`(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const ready = performance.getEntriesByName('tracegate:waterfall-ready')[0];
    return { loadMs: navigation.loadEventEnd, readyMs: ready ? ready.startTime : 0 };
  })()`);
  return { wallMs, loadMs: timing.loadMs, openedMs: Math.max(timing.loadMs, timing.readyMs) };
}

const median = (samples: readonly number[]): number =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const spread = (samples: readonly number[]): string =>
  `${Math.min(...samples).toFixed(0)}–${Math.max(...samples).toFixed(0)}`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

const built = performance.now();
const { report, store, spans } = realisticRun();
console.log(
  `run: ${REQUESTS} requests, ${spans} spans stored, verdict ${report.verdict}, ${report.traces.length} example ` +
    `traces (${report.tracesOmitted} omitted); built in ${(performance.now() - built).toFixed(0)} ms`,
);
const stress = stressReport(report, store);

const directory = mkdtempSync(join(tmpdir(), 'tracegate-bench-report-'));
const pages: { label: string; html: string; waterfall: boolean }[] = [];
for (const [label, value] of [
  ['HTML report', report],
  ['HTML report, stress (200,000 spans in traces)', stress],
] as const) {
  const renderStart = performance.now();
  const html = renderHtmlReport(value);
  console.log(`${label}: rendered in ${(performance.now() - renderStart).toFixed(0)} ms`);
  pages.push({ label, html, waterfall: true });
}
const json = renderJsonReport(report);
pages.push({
  label: 'peer: JSON report as <pre>',
  html: `<!doctype html><meta charset="utf-8"><title>report.json</title><pre>${escapeHtml(json)}</pre>`,
  waterfall: false,
});
console.log(`stress report as JSON would be ${mb(Buffer.byteLength(renderJsonReport(stress)))} (not opened)`);

// BENCH_KEEP_DIR keeps the pages for a look in a browser.
const keep = process.env.BENCH_KEEP_DIR;
const urls = pages.map((page, index) => {
  const file = join(keep ?? directory, `page-${index}.html`);
  writeFileSync(file, page.html);
  return pathToFileURL(file).href;
});
const context = await chromium.launchPersistentContext(join(directory, 'profile'), {
  executablePath: CHROMIUM,
  args: ARGS,
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  for (const [index, url] of urls.entries()) await open(page, url, pages[index]!.waterfall);
  const samples = pages.map(() => [] as Opening[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, url] of urls.entries()) samples[index]!.push(await open(page, url, pages[index]!.waterfall));
  }
  const peer = samples.at(-1)!;
  const peerOpened = median(peer.map((sample) => sample.openedMs));
  const peerBytes = Buffer.byteLength(pages.at(-1)!.html);
  console.log(`opening in headless Chromium, median of ${ROUNDS} rounds (spread):`);
  for (const [index, { label, html }] of pages.entries()) {
    const opened = samples[index]!.map((sample) => sample.openedMs);
    const wall = samples[index]!.map((sample) => sample.wallMs);
    const bytes = Buffer.byteLength(html);
    console.log(
      `  ${label}: ${mb(bytes)} (${(bytes / peerBytes).toFixed(2)}× the peer), load + first waterfall ` +
        `${median(opened).toFixed(0)} ms (${spread(opened)}), ${(median(opened) / peerOpened).toFixed(2)}× the peer; ` +
        `wall from goto ${median(wall).toFixed(0)} ms (${spread(wall)})`,
    );
  }
  console.log('targets: HTML under 5 MiB and open in under 2,000 ms');
} finally {
  await context.close();
  rmSync(directory, { recursive: true, force: true });
}
