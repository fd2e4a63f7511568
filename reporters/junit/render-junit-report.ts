import type { Report } from '../../harness/report/report.js';
import type { JunitCase, JunitSuite } from './_internals/junit-cases.js';
import { junitSuites } from './_internals/junit-cases.js';
import { attributes, xmlText } from './_internals/xml.js';

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function count(cases: readonly JunitCase[]): Counts {
  const counts: Counts = { tests: cases.length, failures: 0, errors: 0, skipped: 0 };
  for (const { outcome } of cases) {
    if (outcome.kind === 'failure') counts.failures++;
    else if (outcome.kind === 'error') counts.errors++;
    else if (outcome.kind === 'skipped') counts.skipped++;
  }
  return counts;
}

function testcase(suite: string, entry: JunitCase): string {
  const head = `    <testcase${attributes([
    ['name', entry.name],
    ['classname', suite],
    ['time', '0'],
  ])}`;
  const { outcome } = entry;
  const body: string[] = [];
  if (outcome.kind === 'failure' || outcome.kind === 'error') {
    const tag = outcome.kind;
    body.push(
      `      <${tag}${attributes([
        ['message', outcome.message],
        ['type', outcome.type],
      ])}>${xmlText(outcome.text)}</${tag}>`,
    );
  } else if (outcome.kind === 'skipped') {
    body.push(`      <skipped${attributes([['message', outcome.message]])}/>`);
  }
  if (entry.out !== '') body.push(`      <system-out>${xmlText(entry.out)}</system-out>`);
  return body.length === 0 ? `${head}/>` : `${head}>\n${body.join('\n')}\n    </testcase>`;
}

function testsuite(report: Report, suite: JunitSuite, id: number): string {
  const counts = count(suite.cases);
  const head = attributes([
    ['name', suite.name],
    ['tests', counts.tests],
    ['failures', counts.failures],
    ['errors', counts.errors],
    ['skipped', counts.skipped],
    ['time', '0'],
    // Ant's schema wants a local date-time without zone; reports start in UTC.
    ['timestamp', report.startedAt.slice(0, 19)],
    ['hostname', 'tracegate'],
    ['id', id],
    ['package', 'tracegate'],
  ]);
  const properties = suite.properties.map(
    ([name, value]) =>
      `      <property${attributes([
        ['name', name],
        ['value', value],
      ])}/>`,
  );
  return [
    `  <testsuite${head}>`,
    `    <properties>\n${properties.join('\n')}\n    </properties>`,
    ...suite.cases.map((entry) => testcase(suite.name, entry)),
    '  </testsuite>',
  ].join('\n');
}

/**
 * The report as JUnit XML (the Ant/Surefire shape Jenkins, GitLab and GitHub test reporters read): a `tracegate`
 * suite whose `run` case is an error on ERROR or INCONCLUSIVE, then a suite per check with a case for the check
 * overall and one per route, edge, operation, service or hygiene finding. Failures carry value, threshold,
 * interval, n and example trace ids; inconclusive rows and skipped checks are skipped cases. Everything that came
 * from a service is escaped.
 */
export function renderJunitReport(report: Report): string {
  const suites = junitSuites(report);
  const total = count(suites.flatMap((suite) => suite.cases));
  const head = attributes([
    ['name', `tracegate ${report.scenario}`],
    ['tests', total.tests],
    ['failures', total.failures],
    ['errors', total.errors],
    ['skipped', total.skipped],
    ['time', (report.durationMs / 1000).toFixed(3)],
  ]);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${head}>`,
    ...suites.map((suite, index) => testsuite(report, suite, index)),
    '</testsuites>',
    '',
  ].join('\n');
}
