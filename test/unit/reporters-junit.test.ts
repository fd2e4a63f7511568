import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import type { Report } from '../../harness/report/report.js';
import type { HopContinuityCheck, RootCoverageCheck } from '../../harness/report/report-checks.js';
import { wilsonInterval } from '../../harness/verdict/wilson-interval.js';
import { renderJunitReport } from '../../reporters/junit/render-junit-report.js';
import { exampleReport } from './report-example.js';

const XSD = readFileSync(new URL('../fixtures/junit.xsd', import.meta.url), 'utf8');

interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity[0] !== '#') return named[entity]!;
    return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
  });
}

/** A small, strict reader for the XML this reporter writes: elements, attributes, text, entities; no CDATA. */
function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let at = 0;
  while ((match = token.exec(body)) !== null) {
    at = token.lastIndex;
    const [, closing, name, attrs, selfClosing, text] = match;
    const top = stack.at(-1)!;
    if (text !== undefined) {
      top.text += decode(text);
      continue;
    }
    if (closing === '/') {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attrs!.matchAll(/([\w.-]+)="([^"]*)"/g)) attributes[key!] = decode(value!);
    const element: XmlElement = { name: name!, attributes, children: [], text: '' };
    top.children.push(element);
    if (selfClosing !== '/') stack.push(element);
  }
  if (at !== body.length) throw new Error(`cannot read the XML at offset ${at}: ${body.slice(at, at + 40)}`);
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  return root.children[0]!;
}

function all(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...all(child, name)]);
}

async function expectValid(xml: string): Promise<void> {
  const result = await validateXML({
    xml: { fileName: 'report.xml', contents: xml },
    schema: { fileName: 'junit.xsd', contents: XSD },
  });
  expect(result.errors.map((error) => error.rawMessage)).toEqual([]);
  expect(result.valid).toBe(true);
}

const NASTY = 'a<b & "c" \'d\' ]]> e\u0001f\u001bg\ttab\nline';

function nastyReport(): Report {
  const base = exampleReport();
  const checks = base.checks.map((check) => {
    if (check.id === 'root-coverage') {
      const routes: RootCoverageCheck['routes'] = [
        {
          ...check.routes[0]!,
          route: `POST /${NASTY}`,
          covered: 900,
          rate: 0.9,
          interval: wilsonInterval(900, 1000),
          status: 'fail',
        },
        {
          route: 'GET /tiny',
          n: 5,
          covered: 5,
          rate: 1,
          interval: wilsonInterval(5, 5),
          status: 'inconclusive',
          examples: [],
        },
      ];
      return { ...check, status: 'fail' as const, routes };
    }
    if (check.id === 'hop-continuity') {
      const edges: HopContinuityCheck['edges'] = check.edges.map((edge) => ({ ...edge, to: `${edge.to}${NASTY}` }));
      return { ...check, edges };
    }
    return check;
  });
  return { ...base, scenario: `checkout ${NASTY}`, checks };
}

describe('renderJunitReport', () => {
  it('writes XML valid against the Ant/Surefire JUnit schema, with counts that add up', async () => {
    const xml = renderJunitReport(exampleReport());
    await expectValid(xml);
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    const suites = all(root, 'testsuite');
    expect(suites.map((suite) => suite.attributes.name)).toEqual([
      'tracegate',
      'tracegate.root-coverage',
      'tracegate.hop-continuity',
      'tracegate.error-recording',
      'tracegate.log-correlation',
      'tracegate.hygiene',
    ]);
    const cases = all(root, 'testcase');
    // run + (overall + 1 route) + (overall + 2 edges) + (overall + 1 operation) + (overall + 1 service) + 1 problem.
    expect(cases).toHaveLength(1 + 2 + 3 + 2 + 2 + 1);
    expect(root.attributes).toMatchObject({ tests: '11', failures: '2', errors: '0', skipped: '0', time: '15.230' });
    for (const suite of suites) {
      const own = all(suite, 'testcase');
      expect(Number(suite.attributes.tests)).toBe(own.length);
      expect(Number(suite.attributes.failures)).toBe(own.filter((entry) => all(entry, 'failure').length > 0).length);
    }
    const hop = suites.find((suite) => suite.attributes.name === 'tracegate.hop-continuity')!;
    expect(all(hop, 'testcase').map((entry) => entry.attributes.name)).toEqual([
      'hop-continuity overall',
      'api>relay (outbox)',
      'api>worker (messaging)',
    ]);
    const failure = all(hop, 'failure').find(
      (entry) => entry.text.includes('messageId') || entry.text.includes('5cf9'),
    )!;
    expect(failure.attributes.message).toBe('0.91 < 0.99 (n=1000, interval [0.8907, 0.9262]): 82 restarted, 8 missing');
    expect(failure.text).toContain(
      'value: 0.91\nthreshold: 0.99 (gate on estimate)\ninterval: [0.8907, 0.9262] at 95% confidence\nn: 1000',
    );
    expect(failure.text).toContain(
      'example traces: 4bf92f3577b34da6a3ce929d0e0e4736 (restarted into 5cf92f3577b34da6a3ce929d0e0e4737)',
    );
  });

  it('is checked by a schema that refuses what CI readers refuse', async () => {
    const xml = renderJunitReport(exampleReport());
    const result = await validateXML({
      xml: { fileName: 'report.xml', contents: xml.replace(/ classname="[^"]*"/, '') },
      schema: { fileName: 'junit.xsd', contents: XSD },
    });
    expect(result.valid).toBe(false);
    expect(result.errors[0]!.message).toContain("The attribute 'classname' is required");
  });

  it('escapes service text (<, &, quotes, ]]>, control characters) and still validates', async () => {
    const xml = renderJunitReport(nastyReport());
    await expectValid(xml);
    expect(xml).not.toContain(']]>');
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const root = parseXml(xml);
    expect(root.attributes.name).toBe(
      `tracegate checkout ${NASTY.replace('\u0001', '\\u0001').replace('\u001b', '\\u001b')}`,
    );
    const names = all(root, 'testcase').map((entry) => entry.attributes.name);
    expect(names).toContain(`POST /${NASTY.replace('\u0001', '\\u0001').replace('\u001b', '\\u001b')}`);
    // The inconclusive route is skipped, the failing one a failure.
    expect(root.attributes).toMatchObject({ skipped: '1', failures: '4' });
  });

  it('turns an ERROR verdict into an error case carrying the code and the service output', async () => {
    const report: Report = {
      ...exampleReport(),
      verdict: 'ERROR',
      exitCode: 3,
      checks: [],
      error: {
        code: 'TRACEGATE_ERR_SERVICE_START',
        message: 'service "api" exited with code 1',
        service: 'api',
        output: ['<boom> & </testcase>'],
      },
    };
    const xml = renderJunitReport(report);
    await expectValid(xml);
    const root = parseXml(xml);
    expect(root.attributes).toMatchObject({ tests: '1', failures: '0', errors: '1' });
    const error = all(root, 'error')[0]!;
    expect(error.attributes).toEqual({
      message: 'service "api" exited with code 1',
      type: 'TRACEGATE_ERR_SERVICE_START',
    });
    expect(error.text).toContain('last lines of api:\n<boom> & </testcase>');
  });

  it('skips a check that judged nothing, and errors the run when the harness lost data', async () => {
    const base = exampleReport();
    const report: Report = {
      ...base,
      verdict: 'INCONCLUSIVE',
      exitCode: 2,
      reasons: ['the harness rejected 12 spans at the receiver or store'],
      harness: { ...base.harness, spansRejected: 12 },
      checks: base.checks.map((check) =>
        check.id === 'error-recording'
          ? { ...check, status: 'skip' as const, note: 'no request or span failed', operations: [] }
          : check,
      ),
    };
    const xml = renderJunitReport(report);
    await expectValid(xml);
    const root = parseXml(xml);
    const skipped = all(root, 'skipped');
    expect(skipped.map((entry) => entry.attributes.message)).toEqual(['no request or span failed']);
    expect(all(root, 'error')[0]!.attributes).toEqual({
      message: 'the harness rejected 12 spans at the receiver or store',
      type: 'INCONCLUSIVE',
    });
  });
});
