import { describe, expect, it } from '@jest/globals';
import { ErrorCode, InvalidArgumentError, PatternSyntaxError } from '../../harness/errors.js';
import { absent, formatPattern, parseSelector, present, span } from '../../harness/dsl/index.js';

describe('parseSelector builds the same pattern as the builder', () => {
  const cases: [string, ReturnType<typeof span>][] = [
    [
      'server "POST /api/checkout" > producer >> consumer[service=worker]',
      span.server('POST /api/checkout').child(span.producer().descendant(span.consumer({ service: 'worker' }))),
    ],
    ["client 'GET /b'", span.client('GET /b')],
    ['* /^GET \\/orders/i', span(/^GET \/orders/i)],
    ['"GET /a"', span('GET /a')],
    ['[service=worker]', span.any({ service: 'worker' })],
    ['span[service~=/^work/]', span.any({ service: /^work/ })],
    ['unspecified', span.unspecified()],
    [
      'internal[http.route="/api/x"][retries=3][ratio=-1.5e3][ok=true][nothing=null][tags=["a", 2]]',
      span.internal({
        attributes: { 'http.route': '/api/x', retries: 3, ratio: -1500, ok: true, nothing: null, tags: ['a', 2] },
      }),
    ],
    ['span[big=12345678901234567890]', span.any({ attributes: { big: 12345678901234567890n } })],
    [
      'span[key~=/re/m][k][!gone]["status"=1]',
      span.any({ attributes: { key: /re/m, k: present, gone: absent, status: 1 } }),
    ],
    ['server[status=error]', span.server({ status: 'error' })],
    [
      'server[event=exception[exception.type~=/Error$/][exception.stacktrace]]',
      span.server({
        events: [{ name: 'exception', attributes: { 'exception.type': /Error$/, 'exception.stacktrace': present } }],
      }),
    ],
    ['span[event~=/^retry/{2,}]', span.any({ events: [{ name: /^retry/, count: { atLeast: 2 } }] })],
    ['span[!event=exception]', span.any({ events: [{ name: 'exception', count: 'none' }] })],
    ['span[event]', span.any({ events: [{}] })],
    ['consumer[link]', span.consumer({ links: [{}] })],
    ['consumer[!link]', span.consumer({ links: [{ count: 'none' }] })],
    [
      'consumer[link{2,}[messaging.operation=publish] -> producer "orders publish"[service=api]]',
      span.consumer({
        links: [
          {
            count: { atLeast: 2 },
            attributes: { 'messaging.operation': 'publish' },
            target: span.producer('orders publish', { service: 'api' }),
          },
        ],
      }),
    ],
    ['span[duration<500ms][duration>=1.5s]', span.any({ duration: { belowMs: 500, minMs: 1500 } })],
    ['span[duration>250us][duration<=2000000ns]', span.any({ duration: { aboveMs: 0.25, maxMs: 2 } })],
    ['server:root', span.server().root()],
    ['server[service=api]:root', span.server({ service: 'api', root: true })],
    [
      'server "GET /a" > (client "GET /b", producer)',
      span.server('GET /a').child(span.client('GET /b')).child(span.producer()),
    ],
    [
      'server:ordered (> client{2}, >> consumer{,3} > internal{0}, > producer{1,4})',
      span
        .server()
        .child(span.client(), 2)
        .descendant(span.consumer().child(span.internal(), 'none'), { atMost: 3 })
        .child(span.producer(), { atLeast: 1, atMost: 4 })
        .ordered(),
    ],
    [
      'server >> (client{2,}, producer)',
      span.server().descendant(span.client(), { atLeast: 2 }).descendant(span.producer()),
    ],
    ['  server\n  >  client  ', span.server().child(span.client())],
  ];

  it.each(cases)('%s', (selector, built) => {
    expect(parseSelector(selector)).toEqual(built);
  });

  it('formats every case back to a selector that parses to the same pattern', () => {
    for (const [, built] of cases) expect(parseSelector(formatPattern(built))).toEqual(built);
  });

  it('formats patterns in the documented canonical form', () => {
    expect(formatPattern(cases[22]![1])).toBe('server "GET /a" > (client "GET /b", producer)');
    expect(formatPattern(cases[23]![1])).toBe(
      'server:ordered (> client{2}, >> consumer{,3} > internal{0}, > producer{1,4})',
    );
    expect(formatPattern(span.any({ attributes: { status: 1, 'odd key': 'x"y' } }))).toBe(
      'span["status"=1]["odd key"="x\\"y"]',
    );
    expect(
      formatPattern(
        span.any({
          attributes: {
            amount: function positive(v) {
              return Number(v) > 0;
            },
          },
        }),
      ),
    ).toBe('span[amount=<predicate positive>]');
  });

  it('lets .child() and .descendant() take selector text', () => {
    expect(span.server().child('client "GET /b"').descendant('consumer[service=worker]', 2)).toEqual(
      span
        .server()
        .child(span.client('GET /b'))
        .descendant(span.consumer({ service: 'worker' }), 2),
    );
  });
});

describe('parse errors point at the column', () => {
  const errorOf = (selector: string): PatternSyntaxError => {
    try {
      parseSelector(selector);
    } catch (error) {
      if (error instanceof PatternSyntaxError) return error;
      throw error;
    }
    throw new Error(`no error for ${selector}`);
  };

  it('shows the selector with a caret under the column', () => {
    const error = errorOf('server "POST /api/checkout" > consumer[service=worker');
    expect(error.message).toBe(
      [
        "tracegate.parseSelector(): expected ']' at column 54, found the end",
        '  server "POST /api/checkout" > consumer[service=worker',
        '                                                       ^',
      ].join('\n'),
    );
    expect(error).toMatchObject({ code: ErrorCode.PatternSyntax, column: 54, name: 'PatternSyntaxError' });
  });

  it.each([
    [
      'serverr > client',
      "unknown span kind 'serverr' (expected server, client, producer, consumer, internal, unspecified, span or *) at column 1",
    ],
    ['server >', 'expected a span kind, a quoted name, a /regex/ or a [filter] at column 9, found the end'],
    ['server > > client', "expected a span kind, a quoted name, a /regex/ or a [filter] at column 10, found '>'"],
    ['server client', "expected '>', '>>', '(' or the end of the selector at column 8, found 'c'"],
    ['server{2}', 'a count applies to a child or descendant, not to the top span at column 7'],
    ['server > client{}', "expected a count such as {2}, {2,}, {,3} or {1,3} at column 17, found '}'"],
    ['server > client{3,1}', 'count {3,1} has its bounds reversed at column 17'],
    ['server > (client, producer', "expected ')' at column 27, found the end"],
    ['server (client)', "expected '>' or '>>' before this span at column 9, found 'c'"],
    ['server > (client) > internal', 'nothing may follow a group; continue inside its items instead at column 19'],
    ['server "unterminated', 'unterminated string at column 8'],
    ['server "bad \\q escape"', "unknown escape '\\q' in string at column 13"],
    ['server /a(/', 'invalid regular expression: Invalid regular expression: /a(/: Unterminated group at column 8'],
    ['server /abc', 'unterminated regular expression at column 8'],
    ['server[key=/re/]', "a regular expression needs '~=' instead of '=' at column 12"],
    ['server[key~="x"]', "expected a /regular expression/ at column 13, found '\"'"],
    ['server[service=worker][service=api]', 'service is given twice at column 24'],
    ['server[a=1][a=2]', 'attribute "a" is given twice at column 13'],
    ['server[!service=api]', "'!' does not apply to service at column 8"],
    ['server[status=failed]', "unknown status 'failed' (expected unset, ok or error) at column 15"],
    ['server[duration<5]', "expected a unit (ns, us, ms or s) at column 18, found ']'"],
    ['server[duration=5ms]', "expected '<', '<=', '>' or '>=' at column 16, found '='"],
    ['server[duration<1ms][duration<2ms]', 'duration < is given twice at column 31'],
    ['server[!event{2}]', "'!' already means none; leave out the count at column 14"],
    ['server:first', "unknown pseudo-class ':first' (expected :root or :ordered) at column 7"],
    [
      'server[amount=<predicate positive>]',
      'predicates, bytes and maps have no selector form; use the builder at column 15',
    ],
    ['', 'expected a span kind, a quoted name, a /regex/ or a [filter] at column 1, found the end'],
  ])('%j', (selector, message) => {
    expect(errorOf(selector).message.split('\n')[0]).toBe(`tracegate.parseSelector(): ${message}`);
  });

  it('gives the line as well in a selector written over several lines', () => {
    const error = errorOf('server "GET /a"\n  > client[service=]');
    expect(error.message).toBe(
      [
        "tracegate.parseSelector(): expected a service name at line 2, column 20, found ']'",
        '    > client[service=]',
        '                     ^',
      ].join('\n'),
    );
    expect(error.column).toBe(36);
  });

  it('rejects text that is not a string with InvalidArgumentError', () => {
    expect(() => parseSelector(42 as unknown as string)).toThrow(InvalidArgumentError);
  });
});

describe('builder validation', () => {
  it.each([
    [() => span.server(42 as unknown as string), 'tracegate.span.server(): name must be a string or RegExp'],
    [
      () => span.any({ sevice: 'x' } as never),
      'tracegate.span.any(): unknown option "sevice" (expected one of service, attributes, status, events, links, duration, root)',
    ],
    [
      () => span.client({ status: 'failed' as never }),
      "tracegate.span.client(): status must be 'unset', 'ok' or 'error'",
    ],
    [
      () => span({ attributes: { a: undefined as never } }),
      'tracegate.span(): attributes["a"] must be an attribute value, a RegExp, a predicate, present or absent',
    ],
    [
      () => span.any({ duration: { maxMs: -1 } }),
      'tracegate.span.any(): duration.maxMs must be a finite number of milliseconds >= 0',
    ],
    [() => span.any({ duration: {} }), 'tracegate.span.any(): duration needs at least one bound'],
    [
      () => span.any({ events: [{ name: 'x', count: -1 }] }),
      'tracegate.span.any(): events[0].count must be a non-negative integer, got -1',
    ],
    [
      () => span.any({ links: [{ target: 'producer' as never }] }),
      'tracegate.span.any(): links[0].target must be a span pattern',
    ],
    [
      () => span.server().child(span.client(), { atLeast: 3, atMost: 1 }),
      'tracegate.SpanPattern.child(): count.atLeast (3) is above atMost (1)',
    ],
    [() => span.server().child(span.client(), {}), 'tracegate.SpanPattern.child(): count needs atLeast or atMost'],
    [
      () => span.server().descendant({} as never),
      'tracegate.SpanPattern.descendant(): pattern must be a span pattern or a selector string',
    ],
    [() => span.any('name' as never), 'tracegate.span.any(): takes options only; use span(name) for a name'],
  ])('%#: %s', (build, message) => {
    expect(build).toThrow(new InvalidArgumentError(message));
  });

  it('returns new, frozen patterns and leaves the original alone', () => {
    const server = span.server('GET /a');
    const withChild = server.child(span.client());
    expect(server.requirements).toHaveLength(0);
    expect(withChild.requirements).toHaveLength(1);
    expect(Object.isFrozen(withChild)).toBe(true);
    expect(Object.isFrozen(withChild.requirements)).toBe(true);
    expect(server.ordered()).not.toBe(server);
    expect(server.inOrder).toBe(false);
  });
});
