import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
// `yaml` comes with the OpenTelemetry SDK and vite, both dev dependencies here.
import { parse } from 'yaml';

function load(name: string): Record<string, unknown> {
  const text = readFileSync(new URL(`../../ci/${name}`, import.meta.url), 'utf8');
  return parse(text, { strict: true, uniqueKeys: true }) as Record<string, unknown>;
}

const REPORT_FLAGS =
  /npx tracegate run scenario\.ts --report-json \S+ --report-junit (\S+) --report-markdown (\S+) --report-html \S+/;

describe('CI templates', () => {
  it('GitHub Actions: runs tracegate with every report, summarises, annotates and uploads always', () => {
    const workflow = load('github-actions.yml') as { jobs: Record<string, { steps: Record<string, unknown>[] }> };
    const steps = workflow.jobs.traces!.steps;
    expect(steps.map((step) => step.uses ?? step.run ?? step.name).slice(0, 3)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npm ci',
    ]);
    expect(steps[1]!.with).toMatchObject({ 'node-version': 20 });
    const verify = steps.find((step) => step.id === 'tracegate')!;
    // A folded scalar: the command is one line once parsed.
    const [, junit, markdown] = REPORT_FLAGS.exec(verify.run as string)!;
    const summary = steps.find((step) => `${step.run as string | undefined}`.includes('GITHUB_STEP_SUMMARY'))!;
    expect(summary).toMatchObject({ if: 'always()' });
    expect(summary.run as string).toContain(`cat ${markdown} >> "$GITHUB_STEP_SUMMARY"`);
    const annotate = steps.find((step) => `${step.run as string | undefined}`.includes('::error'))!;
    expect(annotate.if).toBe('failure()');
    const upload = steps.find((step) => step.uses === 'actions/upload-artifact@v4')!;
    expect(upload).toMatchObject({ if: 'always()', with: { path: `${junit!.split('/')[0]}/` } });
  });

  it('GitLab CI: runs tracegate with every report and hands GitLab the JUnit report always', () => {
    const pipeline = load('gitlab-ci.yml') as { tracegate: { script: string[]; artifacts: Record<string, unknown> } };
    const job = pipeline.tracegate;
    const command = job.script.find((line) => line.includes('tracegate run'))!;
    const [, junit] = REPORT_FLAGS.exec(command)!;
    expect(job.artifacts).toMatchObject({ when: 'always', reports: { junit } });
  });
});
