/** The HTML report in real headless Chromium: it draws, expands spans, loads nothing, and never runs service text. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { Report } from '../../harness/report/report.js';
import { renderHtmlReport } from '../../reporters/html/index.js';
import { findChromium } from '../support/chromium.js';
import { exampleReport, RESTARTED_TRACE, UPSTREAM_TRACE } from '../unit/report-example.js';

const chromiumLookup = findChromium();
const CHROMIUM = chromiumLookup.path;
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const SCREENSHOT = resolve('test-artifacts/html-report.png');

type Writable<T> = { -readonly [K in keyof T]: T[K] extends object ? Writable<T[K]> : T[K] };

/** Markup that sets window.__pwned if a browser ever parses it. */
const trap = (where: string): string =>
  `<img src=x onerror="window.__pwned='${where}'"><svg onload="window.__pwned='${where}'">`;

/** The example report with markup where services control text: span name, attribute, event, log body, route, service. */
function hostileReport(): Report {
  const report = structuredClone(exampleReport()) as Writable<Report>;
  const upstream = report.traces.find((trace) => trace.traceId === UPSTREAM_TRACE)!;
  const producer = upstream.spans.find((span) => span.spanId === '00f067aa0ba902b7')!;
  producer.name = `orders publish ${trap('span name')}`;
  (producer.attributes as Record<string, unknown>)['app.note'] = `</script>${trap('attribute value')}<!--`;
  producer.events = [{ name: 'exception', offsetNs: 130_500_000, attributes: { 'exception.message': trap('event') } }];
  upstream.logs[0]!.body = `charging ${trap('log body')}\u2028`;
  const coverage = report.checks[0]!;
  if (coverage.id !== 'root-coverage') throw new Error('expected root-coverage first');
  coverage.routes[0]!.route = `POST /api/checkout ${trap('route name')}`;
  const hops = report.checks[1]!;
  if (hops.id !== 'hop-continuity') throw new Error('expected hop-continuity second');
  hops.edges[1]!.to = `worker ${trap('service name')}`;
  return report;
}

const describeInChromium = CHROMIUM === undefined ? describe.skip : describe;
if (chromiumLookup.path === undefined) {
  console.warn(
    `html-report-browser: skipped, no Chromium executable at ${chromiumLookup.tried.join(', ')} ` +
      '(install Chromium or set CHROMIUM_PATH to run the HTML report in a browser)',
  );
}

describeInChromium(`the HTML report in headless Chromium (${CHROMIUM ?? 'not found'})`, () => {
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let pageUrl: string;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'tracegate-chromium-'));
    const file = join(profile, 'report.html');
    writeFileSync(file, renderHtmlReport(hostileReport()));
    pageUrl = pathToFileURL(file).href;
    context = await chromium.launchPersistentContext(join(profile, 'user-data'), {
      executablePath: CHROMIUM,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    page.on('requestfailed', (request) => requests.push(`failed: ${request.url()}`));
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.waitForSelector('[data-ready="true"]');
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  });

  it('draws the verdict, checks, matrix, coverage bar and the broken trace without errors or requests', async () => {
    await expect(page.locator('h1').textContent()).resolves.toContain('FAIL');
    await expect(page.locator('#checks tbody tr').count()).resolves.toBe(5);
    const cell = page.locator('.matrix td.cell').nth(1);
    await expect(cell.getAttribute('title')).resolves.toContain('90 of 1000 hops broken');
    await expect(cell.getAttribute('title')).resolves.toContain('82 restarted, 8 missing');
    await expect(page.locator('#coverage .whisker').count()).resolves.toBe(1);
    await expect(page.locator('.waterfall-panel').getAttribute('data-trace')).resolves.toBe(UPSTREAM_TRACE);
    await expect(page.locator('.wf-row.broken').count()).resolves.toBe(1);
    expect(consoleErrors).toEqual([]);
    // The page itself is the only thing ever fetched.
    expect(requests).toEqual([pageUrl]);
  });

  it('expands a span to its attributes, events, links and logs, showing markup as text', async () => {
    const row = page.locator('.wf-row.broken');
    await row.click();
    await expect(row.getAttribute('aria-expanded')).resolves.toBe('true');
    const detail = page.locator('.wf-detail');
    const text = (await detail.textContent()) ?? '';
    expect(text).toContain('m-42');
    expect(text).toContain('1152921504606846976'); // the 2^60 attribute, exact
    expect(text).toContain(`</script>${trap('attribute value')}<!--`);
    expect(text).toContain('exception');
    expect(text).toContain(trap('event'));
    expect(text).toContain(`charging ${trap('log body')}`);
    expect(text).toContain('[REDACTED]');
    expect(text).toContain('broken hop api→worker');
    await expect(row.textContent()).resolves.toContain(`orders publish ${trap('span name')}`);
    await expect(page.locator('#coverage').textContent()).resolves.toContain(trap('route name'));

    mkdirSync(resolve('test-artifacts'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);

    await row.click();
    await expect(page.locator('.wf-detail').count()).resolves.toBe(0);
  });

  it('opens the restarted trace from the broken hop and marks its consumer span', async () => {
    await page.locator(`.trace-list button[title^="${RESTARTED_TRACE}"]`).click();
    await expect(page.locator('.waterfall-panel').getAttribute('data-trace')).resolves.toBe(RESTARTED_TRACE);
    const consumer = page.locator('.wf-row.broken');
    await expect(consumer.textContent()).resolves.toContain('orders process');
    await consumer.click();
    await expect(page.locator('.wf-detail .mark').textContent()).resolves.toContain(`in trace ${UPSTREAM_TRACE}`);
  });

  it('never ran injected markup: no trap fired, no element came from data, nothing was fetched', async () => {
    // Strings, not functions: this project compiles without the DOM types.
    await expect(page.evaluate('typeof window.__pwned')).resolves.toBe('undefined');
    await expect(page.locator('img, svg, iframe, object, embed, script:not([type])').count()).resolves.toBe(1);
    await expect(page.locator('img, svg, iframe, object, embed').count()).resolves.toBe(0);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([pageUrl]);
  });

  it('refuses markup sinks outright: the policy makes innerHTML throw', async () => {
    const outcome = await page.evaluate(`(() => {
      try {
        document.body.innerHTML = '<b>x</b>';
        return 'assigned';
      } catch (error) {
        return error.name;
      }
    })()`);
    expect(outcome).toBe('TypeError');
  });
});
