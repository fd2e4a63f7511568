import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../harness/report/report.js';
import type { ReportTrace } from '../../harness/report/report-trace.js';
import { renderConsoleReport } from '../../reporters/console/render-console-report.js';
import { renderHtmlReport } from '../../reporters/html/render-html-report.js';
import { renderJsonReport } from '../../reporters/json/render-json-report.js';
import { renderJunitReport } from '../../reporters/junit/render-junit-report.js';
import { renderMarkdownReport } from '../../reporters/markdown/render-markdown-report.js';
import { redactReport, redactText, sensitiveKeyTest } from '../../reporters/redact.js';
import { exampleReport } from './report-example.js';

// Each secret is unique, so a leak names the place it came from.
const SECRETS = {
  header: 'Bearer hdr-secret-1',
  apiKey: 'apikey-secret-2',
  event: 'event-secret-3',
  logAttribute: 'log-secret-4',
  bodyKey: 'body-secret-5',
  bodyText: 'text-secret-6',
  query: 'query-secret-7',
  userinfo: 'userinfo-secret-8',
  custom: 'custom-secret-9',
  excerpt: 'excerpt-secret-10',
  nested: 'nested-secret-11',
  output: 'output-secret-12',
};

function leaky(): Report {
  const base = exampleReport();
  const [first, ...rest] = base.traces as [ReportTrace, ...ReportTrace[]];
  const [span, ...spans] = first.spans;
  const trace: ReportTrace = {
    ...first,
    spans: [
      {
        ...span!,
        attributes: {
          ...span!.attributes,
          'http.request.header.authorization': [SECRETS.header],
          'http.request.header.x-api-key': SECRETS.apiKey,
          'url.full': `https://shop:${SECRETS.userinfo}@api.example/checkout?order=42&access_token=${SECRETS.query}#top`,
          'x.signature': SECRETS.custom,
          'request.body': { user: 'ann', credentials: { value: SECRETS.nested } },
        },
        events: [{ name: 'login', offsetNs: 5, attributes: { Password: SECRETS.event } }],
      },
      ...spans,
    ],
    logs: [
      ...first.logs.map((log) => ({ ...log, attributes: { ...log.attributes, session_token: SECRETS.logAttribute } })),
      {
        offsetNs: 9,
        severityText: 'INFO',
        body: { msg: 'login', secret: SECRETS.bodyKey },
        service: 'api',
        spanId: '',
        attributes: {},
      },
      {
        offsetNs: 10,
        severityText: 'INFO',
        body: `user ann password=${SECRETS.bodyText} ok`,
        service: 'api',
        spanId: '',
        attributes: {},
      },
    ],
  };
  return {
    ...base,
    verdict: 'FAIL',
    checks: base.checks.map((check) =>
      check.id === 'log-correlation'
        ? {
            ...check,
            status: 'fail' as const,
            services: check.services.map((row) => ({
              ...row,
              status: 'fail' as const,
              examples: [{ ...row.examples[0]!, excerpt: `{"msg":"charge","api_key":"${SECRETS.excerpt}"}` }],
            })),
          }
        : check,
    ),
    error: {
      code: 'TRACEGATE_ERR_SERVICE_START',
      message: 'api exited',
      service: 'api',
      output: [`DB_PASSWORD=${SECRETS.output}`],
    },
    traces: [trace, ...rest],
  };
}

describe('redactReport', () => {
  it('hides sensitive keys at any depth, URL credentials and query values, and keyed text', () => {
    const report = redactReport(leaky(), { keys: ['signature'] });
    const span = report.traces[0]!.spans[0]!;
    expect(span.attributes).toMatchObject({
      'http.request.header.authorization': '[REDACTED]',
      'http.request.header.x-api-key': '[REDACTED]',
      'url.full': 'https://shop:[REDACTED]@api.example/checkout?order=42&access_token=[REDACTED]#top',
      'x.signature': '[REDACTED]',
      'request.body': { user: 'ann', credentials: '[REDACTED]' },
      'http.request.method': 'POST',
    });
    expect(span.events[0]!.attributes).toEqual({ Password: '[REDACTED]' });
    const logs = report.traces[0]!.logs;
    expect(logs.at(-2)!.body).toEqual({ msg: 'login', secret: '[REDACTED]' });
    expect(logs.at(-1)!.body).toBe('user ann password=[REDACTED] ok');
    expect(report.error!.output).toEqual(['DB_PASSWORD=[REDACTED]']);
  });

  it('leaves the input alone and other values as they were', () => {
    const input = leaky();
    const before = renderJsonReport(input);
    const report = redactReport(input);
    expect(renderJsonReport(input)).toBe(before);
    expect(report.traces[1]).toEqual(input.traces[1]);
    expect(report.checks[0]).toBe(input.checks[0]);
    // Without the extra key, x.signature is not a default one.
    expect(report.traces[0]!.spans[0]!.attributes['x.signature']).toBe(SECRETS.custom);
  });

  it('matches keys whatever their case and separators', () => {
    const sensitive = sensitiveKeyTest(['session-id']);
    for (const key of ['API_KEY', 'apiKey', 'x-api-key', 'Set-Cookie', 'db.password', 'SESSION_ID', 'client_secret']) {
      expect([key, sensitive(key)]).toEqual([key, true]);
    }
    for (const key of ['http.request.method', 'user.id', 'messaging.message.id'])
      expect([key, sensitive(key)]).toEqual([key, false]);
    expect(() => sensitiveKeyTest(['--'])).toThrow(
      'tracegate.redactReport(): keys[0] must contain a letter or digit, got "--"',
    );
  });

  it('hides keyed values in free text, keeping the scheme of a credential', () => {
    const sensitive = sensitiveKeyTest();
    expect(redactText('Authorization: Bearer abc.def', sensitive)).toBe('Authorization: Bearer [REDACTED]');
    expect(redactText('{"token": "t1", "user": "ann"}', sensitive)).toBe('{"token": "[REDACTED]", "user": "ann"}');
    expect(redactText('GET /x?a=1&apikey=zz', sensitive)).toBe('GET /x?a=1&apikey=[REDACTED]');
    expect(redactText('nothing to hide: 42', sensitive)).toBe('nothing to hide: 42');
  });

  it('hides the password of URL userinfo inside free text', () => {
    const sensitive = sensitiveKeyTest();
    expect(redactText('connect postgres://u:secretpw@h:5432/db failed', sensitive)).toBe(
      'connect postgres://u:[REDACTED]@h:5432/db failed',
    );
    expect(redactText('a amqp://guest:pw1@127.0.0.1 and redis://:pw2@r/0', sensitive)).toBe(
      'a amqp://guest:[REDACTED]@127.0.0.1 and redis://:[REDACTED]@r/0',
    );
    expect(redactText('mailto user@host, https://h/a:b@c', sensitive)).toBe('mailto user@host, https://h/a:b@c');
  });

  it('leaves no secret in any format: JSON, console, JUnit, Markdown and HTML', () => {
    const report = redactReport(leaky(), { keys: ['signature'] });
    const outputs: Record<string, string> = {
      json: renderJsonReport(report),
      console: renderConsoleReport(report, { examplesPerCheck: 10 }),
      junit: renderJunitReport(report),
      markdown: renderMarkdownReport(report, { examplesPerCheck: 10 }),
      html: renderHtmlReport(report),
    };
    const raw = renderJsonReport(leaky());
    for (const secret of Object.values(SECRETS)) {
      const bare = secret.replace('Bearer ', '');
      // The unredacted report does carry each one, so the assertions below can fail.
      expect(raw).toContain(bare);
      for (const [format, text] of Object.entries(outputs))
        expect([format, text.includes(bare)]).toEqual([format, false]);
    }
    expect(outputs.json).toContain('[REDACTED]');
    expect(outputs.console).toContain('api_key\\":\\"[REDACTED]');
  });
});
