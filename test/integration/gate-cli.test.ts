import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport } from '../../harness/report/parse-report.js';
import { renderJsonReport } from '../../reporters/json/render-json-report.js';
import { exampleReport } from '../unit/report-example.js';
import { runCli } from './cli-support.js';

// The built bin, as pipelines run it (`npm run build` first).
const dir = mkdtempSync(join(tmpdir(), 'tracegate-gate-cli-'));
const saved = join(dir, 'report.json');
writeFileSync(saved, renderJsonReport(exampleReport()));

const gate = (args: string[]) => runCli(['gate', ...args]);

describe('tracegate gate (the built command line)', () => {
  it('exits 1 on a failing report judged by its own thresholds, printing the summary and the broken hop', async () => {
    const result = await gate([saved]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^tracegate: FAIL · scenario checkout/);
    expect(result.stdout).toContain('✗ broken hop api>worker');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('exits 0 under a looser gate and writes the re-judged reports', async () => {
    const json = join(dir, 'out', 'rejudged.json');
    const junit = join(dir, 'out', 'junit.xml');
    const markdown = join(dir, 'out', 'summary.md');
    const result = await gate([
      saved,
      '--min-hop-continuity',
      '0.9',
      '--report-json',
      json,
      '--report-junit',
      junit,
      '--report-markdown',
      markdown,
    ]);
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: 0 });
    expect(result.stderr).toContain("tracegate gate: FAIL under the report's gate, PASS under this one");
    expect(result.stderr).toContain(`tracegate gate: wrote the junit report to ${junit}`);
    const report = parseReport(readFileSync(json, 'utf8'));
    expect(report).toMatchObject({ verdict: 'PASS', exitCode: 0, thresholds: { minHopContinuity: 0.9 } });
    expect(readFileSync(junit, 'utf8')).toMatch(
      /<testsuites name="tracegate checkout" tests="11" failures="0" errors="0"/,
    );
    expect(readFileSync(markdown, 'utf8')).toMatch(/^## ✅ tracegate: PASS/);
  });

  it('exits 2 when the report shows the harness lost data, whatever the thresholds', async () => {
    const report = exampleReport();
    const small = join(dir, 'small.json');
    writeFileSync(small, renderJsonReport({ ...report, harness: { ...report.harness, spansRejected: 3 } }));
    const result = await gate([small, '--min-hop-continuity', '0.5', '--gate-on', 'lower-bound']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('why: the harness rejected 3 spans');
  });

  it('exits 3 naming the problem for an invalid or unknown-version report, or a bad flag', async () => {
    const future = join(dir, 'v2.json');
    writeFileSync(future, JSON.stringify({ ...JSON.parse(renderJsonReport(exampleReport())), schemaVersion: 2 }));
    const version = await gate([future]);
    expect(version).toMatchObject({ code: 3, stdout: '' });
    expect(version.stderr).toBe(
      `tracegate gate: ${future} is not a valid report: schemaVersion: expected 1, got 2; this tracegate reads version 1 reports\n`,
    );
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...JSON.parse(renderJsonReport(exampleReport())), verdict: 'MAYBE' }));
    const invalid = await gate([broken]);
    expect(invalid.code).toBe(3);
    expect(invalid.stderr).toContain('verdict: expected');
    const missing = await gate([join(dir, 'none.json')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^tracegate gate: cannot read .*none\.json: ENOENT/);
    expect(await gate([saved, '--gate-on', 'median'])).toEqual({
      code: 3,
      stdout: '',
      stderr: 'tracegate gate: --gate-on must be "point" or "lower-bound", got "median"\n',
    });
    expect((await gate([])).stderr).toBe('tracegate gate: give the JSON report to judge (see tracegate gate --help)\n');
  });

  it('prints its help', async () => {
    const result = await gate(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: tracegate gate report.json [flags]');
  });
});
