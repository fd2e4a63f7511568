import { createHash } from 'node:crypto';
import { Script } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../harness/report/report.js';
import type { ReportSpan, ReportTrace } from '../../harness/report/report-trace.js';
import { wilsonInterval } from '../../harness/verdict/wilson-interval.js';
import { renderHtmlReport } from '../../reporters/html/index.js';
import { clipText } from '../../reporters/html/_internals/clip-text.js';
import { exampleReport, RESTARTED_TRACE, UPSTREAM_TRACE } from './report-example.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] extends object ? Writable<T[K]> : T[K] };
type PageJson = {
  summary: { scenario: string };
  routes: { rows: { route: string }[]; notShown: number };
  findings: { rows: unknown[]; notShown: number };
  traces: {
    traceId: string;
    spans: { spanId: string; name: string; attributes: Record<string, unknown> }[];
    logs: { body: unknown }[];
    spansNotShown: number;
    marks: { spanId: string; tone: string; text: string; otherTraceId: string | null }[];
  }[];
  tracesNotShown: number;
  traceIdsNotShown: string[];
};

const HOSTILE = '</script><img src=x onerror=alert(1)><!-- \u2028\u2029 <script>alert(2)</script>';

function writableReport(): Writable<Report> {
  return structuredClone(exampleReport()) as Writable<Report>;
}

function inline(html: string, tag: 'script' | 'style'): string[] {
  const pattern = tag === 'script' ? /<script>([\s\S]*?)<\/script>/g : /<style>([\s\S]*?)<\/style>/g;
  return [...html.matchAll(pattern)].map((match) => match[1]!);
}

function embedded(html: string): { raw: string; data: PageJson } {
  const match = /<script type="application\/json" id="tracegate-data">([\s\S]*?)<\/script>/.exec(html);
  if (match === null) throw new Error('no data block in the page');
  return { raw: match[1]!, data: JSON.parse(match[1]!) as PageJson };
}

function hash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

describe('renderHtmlReport', () => {
  it('is one self-contained document: nothing loaded from anywhere, no markup sinks for data', () => {
    const html = renderHtmlReport(exampleReport());
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/\b(?:src|href|action|srcset)\s*=/i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed|base)\b/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(inline(html, 'script')).toHaveLength(1);
    expect(inline(html, 'script')[0]).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    // The script is a string in the sources: at least prove it parses.
    expect(() => new Script(inline(html, 'script')[0]!)).not.toThrow();
  });

  it('carries a strict Content-Security-Policy naming the inline script and style by their sha256', () => {
    const html = renderHtmlReport(exampleReport());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = new Map(csp!.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe(hash(inline(html, 'script')[0]!));
    expect(directives.get('style-src')).toBe(hash(inline(html, 'style')[0]!));
    expect(directives.get('require-trusted-types-for')).toBe("'script'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:|data:/);
  });

  it('embeds service text so that it cannot end the data block, and reads back unchanged', () => {
    const report = writableReport();
    const span = report.traces[0]!.spans[0]!;
    span.name = HOSTILE;
    (span.attributes as Record<string, unknown>)[HOSTILE] = HOSTILE;
    report.traces[0]!.logs[0]!.body = HOSTILE;
    const coverage = report.checks[0]!;
    if (coverage.id !== 'root-coverage') throw new Error('expected root-coverage first');
    coverage.routes[0]!.route = HOSTILE;
    const html = renderHtmlReport(report);
    const { raw, data } = embedded(html);
    expect(raw).not.toMatch(/[<>&\u2028\u2029]/);
    // Exactly the page's own two script elements end; nothing from the data opens or closes one.
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('<img');
    expect(data.traces[0]!.spans[0]!.name).toBe(HOSTILE);
    expect(data.traces[0]!.spans[0]!.attributes[HOSTILE]).toBe(HOSTILE);
    expect(data.traces[0]!.logs[0]!.body).toBe(HOSTILE);
    expect(data.routes.rows[0]!.route).toBe(HOSTILE);
  });

  it('escapes the scenario name in the title', () => {
    const report = writableReport();
    report.scenario = '</title><script>alert(1)</script>';
    const html = renderHtmlReport(report);
    expect(html).toContain('<title>tracegate FAIL: &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(embedded(html).data.summary.scenario).toBe(report.scenario);
  });

  it('marks both ends of a broken hop, pointing at the other trace', () => {
    const { data } = embedded(renderHtmlReport(exampleReport()));
    const upstream = data.traces.find((trace) => trace.traceId === UPSTREAM_TRACE)!;
    const downstream = data.traces.find((trace) => trace.traceId === RESTARTED_TRACE)!;
    expect(upstream.marks).toEqual([
      expect.objectContaining({ spanId: '00f067aa0ba902b7', tone: 'broken', otherTraceId: RESTARTED_TRACE }),
    ]);
    expect(upstream.marks[0]!.text).toContain('broken hop api→worker (messaging): restarted, attributed by messageId');
    expect(downstream.marks).toEqual([
      expect.objectContaining({ spanId: '1a2b3c4d5e6f7081', tone: 'broken', otherTraceId: UPSTREAM_TRACE }),
    ]);
  });

  it('stays under 5 MB for a report with 200,000 spans in its traces, 10,000 routes and long values', () => {
    const report = writableReport();
    const long = 'x'.repeat(20_000);
    const spanOf = (trace: number, index: number): ReportSpan => ({
      spanId: (trace * 100_000 + index + 1).toString(16).padStart(16, '0'),
      parentSpanId: index === 0 ? '' : (trace * 100_000 + Math.floor(index / 2) + 1).toString(16).padStart(16, '0'),
      name: `GET /api/orders/${index}`,
      kind: 'server',
      service: `service-${index % 7}`,
      startOffsetNs: index * 1000,
      durationNs: 900,
      status: 'unset',
      statusMessage: '',
      attributes: { 'http.request.method': 'GET', 'url.full': `http://api/orders/${index}`, 'app.blob': long },
      events: [],
      links: [],
    });
    const traces: ReportTrace[] = Array.from({ length: 20 }, (_, trace) => ({
      traceId: (trace + 1).toString(16).padStart(32, 'a'),
      startTimeUnixNano: '1700000000000000000',
      spans: Array.from({ length: 10_000 }, (_, index) => spanOf(trace, index)),
      logs: [],
      omittedSpans: 0,
      omittedLogs: 0,
    }));
    report.traces = traces as Writable<ReportTrace>[];
    report.tracesOmitted = 5;
    const coverage = report.checks[0]!;
    if (coverage.id !== 'root-coverage') throw new Error('expected root-coverage first');
    coverage.routes = Array.from({ length: 10_000 }, (_, index) => ({
      route: `GET /api/orders/${index}`,
      n: 40,
      covered: 39,
      rate: 39 / 40,
      interval: wilsonInterval(39, 40),
      status: 'pass' as const,
      examples: [],
    }));
    report.findings = Array.from({ length: 2000 }, (_, index) => ({
      level: 'warn' as const,
      code: 'span.negative-duration',
      message: `span ${index} ends before it starts`,
    }));

    const html = renderHtmlReport(report);
    expect(Buffer.byteLength(html)).toBeLessThan(5 * 1024 * 1024);
    const { data } = embedded(html);
    expect(data.traces).toHaveLength(20);
    for (const trace of data.traces) {
      expect(trace.spans.length).toBeGreaterThan(0);
      expect(trace.spans.length).toBeLessThanOrEqual(1000);
      expect(trace.spans.length + trace.spansNotShown).toBe(10_000);
    }
    expect(data.traces[0]!.spans[0]!.attributes['app.blob']).toBe(
      `${'x'.repeat(1000)}… (19000 more characters not shown)`,
    );
    expect(data.tracesNotShown).toBe(5);
    expect(data.routes.rows).toHaveLength(500);
    expect(data.routes.notShown).toBe(9500);
    expect(data.findings.notShown).toBe(1500);
  });
});

describe('clipText', () => {
  it('never splits a surrogate pair', () => {
    expect(clipText('ab😀cd', 3)).toBe('ab… (4 more characters not shown)');
    expect(clipText('short', 10)).toBe('short');
  });
});
