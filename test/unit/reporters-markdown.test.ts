import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../harness/report/report.js';
import type { HopContinuityCheck, HopEdge } from '../../harness/report/report-checks.js';
import { renderMarkdownReport } from '../../reporters/markdown/render-markdown-report.js';
import { exampleReport } from './report-example.js';

function tableRows(markdown: string, heading: string): string[][] {
  const section = markdown.split(`### ${heading}\n\n`)[1]!.split('\n\n')[0]!;
  // Cells split on pipes that are not escaped, as GitHub does.
  return section.split('\n').map((line) =>
    line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
}

function withEdges(report: Report, edges: (edge: HopEdge) => HopEdge[]): Report {
  return {
    ...report,
    checks: report.checks.map((check) =>
      check.id === 'hop-continuity'
        ? ({ ...check, edges: check.edges.flatMap(edges) } satisfies HopContinuityCheck)
        : check,
    ),
  };
}

describe('renderMarkdownReport', () => {
  it('leads with the verdict, then tables of checks and of edges with their break counts', () => {
    const markdown = renderMarkdownReport(exampleReport());
    expect(markdown.split('\n')[0]).toBe('## ❌ tracegate: FAIL');
    expect(markdown).toContain('- hop\\-continuity 0\\.91 < 0\\.99'.replace('<', '&lt;'));
    const checks = tableRows(markdown, 'Checks');
    expect(checks[0]).toEqual(['check', 'status', 'value', 'threshold', 'interval', 'n']);
    expect(checks[3]).toEqual(['hop-continuity', '❌ **fail**', '0.955', '0.99', '[0.945, 0.9632]', '2000']);
    expect(checks[6]).toEqual(['hygiene', '✅ pass', '–', '–', '–', '9000']);
    const edges = tableRows(markdown, 'Edges');
    expect(edges[0]).toEqual([
      'edge',
      'via',
      'status',
      'continuous / n',
      'rate',
      'interval',
      'restarted',
      'orphaned',
      'missing',
      'late',
      'unsampled',
    ]);
    expect(edges[3]).toEqual([
      'api → worker',
      'messaging',
      '❌ **fail**',
      '910 / 1000',
      '0.91',
      '[0.8907, 0.9262]',
      '82',
      '0',
      '8',
      '0',
      '0',
    ]);
  });

  it('collapses each failing example trace in <details> with the tree in a code block', () => {
    const markdown = renderMarkdownReport(exampleReport());
    expect(markdown).toContain(
      '<details>\n<summary>hop\\-continuity · api&gt;worker · trace <code>4bf92f3577b34da6a3ce929d0e0e4736</code></summary>\n\n```text\ntrace 4bf92f3577b34da6a3ce929d0e0e4736 (2 spans)\n',
    );
    expect(markdown).toContain('✗ broken hop api>worker: consumer "orders process" (worker) started a new trace');
    expect(markdown).toContain('```\n\n</details>\n');
  });

  it('escapes service text: pipes stay in their cell, HTML stays text, no one is mentioned', () => {
    const report = withEdges(exampleReport(), (edge) => [
      { ...edge, from: 'a|b <img src=x onerror=alert(1)> @team', to: 'w`orker' },
    ]);
    const markdown = renderMarkdownReport(report);
    const edges = tableRows(markdown, 'Edges');
    expect(edges[2]).toHaveLength(11);
    expect(edges[2]![0]).toBe('a\\|b &lt;img src=x onerror=alert\\(1\\)&gt; &#64;team → w\\`orker');
    // Inside a fenced code block text is literal; everywhere else no tag and no mention survive.
    const outsideCode = markdown.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '');
    expect(outsideCode).toContain('</details>');
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toContain('@team');
  });

  it('stays under the byte limit by leaving out whole parts, and says so', () => {
    const many = withEdges(exampleReport(), (edge) =>
      Array.from({ length: 2000 }, (_, index) => ({
        ...edge,
        from: `${edge.from}-${index}`,
        to: `${edge.to}-${'x'.repeat(200)}`,
      })),
    );
    const full = renderMarkdownReport(many, { maxBytes: 10_000_000 });
    expect(Buffer.byteLength(full)).toBeGreaterThan(1_000_000);
    expect(full).not.toContain('Truncated');
    const cut = renderMarkdownReport(many);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(1_000_000);
    expect(cut).toMatch(/\n> \*\*Truncated:\*\* \d+ parts of this summary left out to stay under 1000000 bytes/);
    // Rows are whole: every table line before the note still has all its cells.
    const rows = cut.split('\n').filter((line) => line.startsWith('| api\\-'));
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(13);
    const small = renderMarkdownReport(many, { maxBytes: 5_000 });
    expect(Buffer.byteLength(small)).toBeLessThanOrEqual(5_000);
    expect(small.startsWith('## ❌ tracegate: FAIL')).toBe(true);
  });

  it('refuses a limit too small to say anything', () => {
    expect(() => renderMarkdownReport(exampleReport(), { maxBytes: 10 })).toThrow(
      'tracegate.renderMarkdownReport(): maxBytes must be an integer of at least 800, got 10',
    );
  });
});
