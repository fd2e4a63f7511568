// Keeps README.md's "Asserting on span trees" honest: evaluates the patterns and selectors that section shows, runs
// its matchers on the traces its prose describes, and checks that every failure printed there is what tracegate prints.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import '../../harness/matchers/jest.js';
import { Store } from '../../harness/collect/store.js';
import { SpanPattern, formatPattern, parseSelector, span } from '../../harness/dsl/index.js';
import { PatternSyntaxError } from '../../harness/errors.js';
import { startHarness } from '../../harness/harness.js';
import type { Harness } from '../../harness/harness.js';
import type { SpanRecord } from '../../harness/model/span.js';
import { asyncFailureOf, failureOf } from '../fixtures/matchers-expect.js';
import type { SpanSpec } from '../support/dsl-traces.js';
import { spansOf } from '../support/dsl-traces.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The README's section under test, up to the next second-level heading. */
const SECTION = (() => {
  const start = README.indexOf('\n## Asserting on span trees\n');
  if (start === -1) throw new Error('README.md has no "## Asserting on span trees" section');
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end === -1 ? undefined : end);
})();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text of the fenced block right after `<!-- readme-example: name -->`; there must be exactly one. */
function printedFailure(name: string): string {
  const marker = new RegExp(
    `<!-- readme-example: ${escapeRegExp(name)} -->\\s*\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``,
    'g',
  );
  const blocks = [...SECTION.matchAll(marker)];
  if (blocks.length !== 1) throw new Error(`README.md has ${blocks.length} blocks marked readme-example: ${name}`);
  return blocks[0]![1]!;
}

/** The source of `const name = …;` in the section's code, as prettier left it. */
function readmeSource(name: string): string {
  const declarations = [...SECTION.matchAll(new RegExp(`^const ${escapeRegExp(name)} = ([\\s\\S]*?);$`, 'gm'))];
  if (declarations.length !== 1) throw new Error(`README.md declares const ${name} ${declarations.length} times`);
  return declarations[0]![1]!;
}

/** Evaluates a README constant with `span` in scope, so the test runs the code a reader copies. */
function readmeValue(name: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the README's own code is the input under test
  const evaluate = new Function('span', `return (${readmeSource(name)});`) as (builder: typeof span) => unknown;
  return evaluate(span);
}

/** A README pattern in both forms: the builder and the selector text, which must describe the same pattern. */
function readmePattern(name: string): { builder: SpanPattern; selector: string } {
  const builder = readmeValue(name);
  const selector = readmeValue(`${name}Selector`);
  if (!(builder instanceof SpanPattern)) throw new Error(`README.md: ${name} is not a span pattern`);
  if (typeof selector !== 'string') throw new Error(`README.md: ${name}Selector is not a string`);
  return { builder, selector };
}

/** Fails unless the section shows this exact line of code, so the test runs the calls a reader sees. */
function expectReadmeLine(line: string): void {
  expect(SECTION.split('\n').map((text) => text.trim())).toContain(line);
}

const FIRST_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SECOND_TRACE = '0af7651916cd43dd8448eb211c80319c';
const BATCH_TRACE = '5b8efff798038103d269b633813fc60c';

/** A harness whose store already holds the example's spans, as if the services had exported them. */
async function harnessWith(spans: readonly SpanRecord[]): Promise<Harness> {
  const store = new Store();
  store.addSpans(spans);
  return startHarness({ store, quietPeriodMs: 0 });
}

describe('README: Asserting on span trees', () => {
  it('prints the parse error it shows, pointing at the column', () => {
    const typo = readmeValue('typo');
    expect(typeof typo).toBe('string');
    expectReadmeLine('parseSelector(typo); // throws PatternSyntaxError');
    const error = (() => {
      try {
        parseSelector(typo as string);
      } catch (thrown) {
        return thrown;
      }
      throw new Error('expected the README typo not to parse');
    })();
    expect(error).toBeInstanceOf(PatternSyntaxError);
    const printed = printedFailure('parse-error');
    expect((error as PatternSyntaxError).message).toBe(printed);
    expect(printed).toContain(`at column ${(error as PatternSyntaxError).column},`);
  });

  it('HTTP → DB: a query that ran in a trace of its own', async () => {
    await using harness = await harnessWith([
      ...spansOf(FIRST_TRACE, [
        {
          kind: 'server',
          name: 'GET /api/orders/:id',
          id: 'a000000000000001',
          durationMs: 12,
          attributes: { 'http.route': '/api/orders/:id' },
          children: [
            { kind: 'internal', name: 'auth middleware', id: 'a000000000000002', durationMs: 1 },
            { kind: 'internal', name: 'load order', id: 'a000000000000003', durationMs: 8 },
          ],
        },
      ]),
      // The pool's callback lost the request's context, so the query is the root of another trace.
      ...spansOf(SECOND_TRACE, [
        {
          kind: 'client',
          name: 'SELECT orders',
          id: 'a000000000000004',
          startMs: 3,
          durationMs: 4,
          attributes: { 'db.system': 'postgresql', 'db.query.text': 'SELECT * FROM orders WHERE id = $1' },
        },
      ]),
    ]);
    const { builder: orderLookup, selector: orderLookupSelector } = readmePattern('orderLookup');
    expect(formatPattern(orderLookup)).toBe(formatPattern(parseSelector(orderLookupSelector)));
    expectReadmeLine('const trace = await harness.trace(traceId);');
    expectReadmeLine('expect(trace).toMatchSpanTree(orderLookup);');
    expectReadmeLine('expect(trace).toMatchSpanTree(orderLookupSelector); // the same pattern, the same failure');

    const trace = await harness.trace(FIRST_TRACE);
    const printed = printedFailure('http-db');
    expect(failureOf(() => expect(trace).toMatchSpanTree(orderLookup))).toBe(printed);
    expect(failureOf(() => expect(trace).toMatchSpanTree(orderLookupSelector))).toBe(printed);
  });

  it('HTTP → queue → worker: a consumer that restarted the trace', async () => {
    const message = { 'messaging.system': 'rabbitmq', 'messaging.message.id': 'm-1842' };
    await using harness = await harnessWith([
      ...spansOf(FIRST_TRACE, [
        {
          kind: 'server',
          name: 'POST /api/checkout',
          id: 'a000000000000001',
          durationMs: 42,
          children: [
            { kind: 'internal', name: 'validate order', id: 'a000000000000002', durationMs: 2 },
            { kind: 'producer', name: 'orders publish', id: 'a000000000000003', durationMs: 1, attributes: message },
          ],
        },
      ]),
      // The worker did not extract the context from the message headers.
      ...spansOf(SECOND_TRACE, [
        {
          kind: 'consumer',
          name: 'orders process',
          service: 'worker',
          id: 'b000000000000001',
          startMs: 5,
          durationMs: 30,
          attributes: message,
          children: [
            { kind: 'client', name: 'POST /charge', service: 'worker', id: 'b000000000000002', durationMs: 25 },
          ],
        },
      ]),
    ]);
    const { builder: queueHop, selector: queueHopSelector } = readmePattern('queueHop');
    expect(formatPattern(queueHop)).toBe(formatPattern(parseSelector(queueHopSelector)));
    expectReadmeLine('expect(trace).toMatchSpanTree(queueHop);');
    expectReadmeLine('expect(trace).toMatchSpanTree(queueHopSelector);');

    const trace = await harness.trace(FIRST_TRACE);
    const printed = printedFailure('queue-worker');
    expect(printed).toContain(SECOND_TRACE);
    expect(failureOf(() => expect(trace).toMatchSpanTree(queueHop))).toBe(printed);
    expect(failureOf(() => expect(trace).toMatchSpanTree(queueHopSelector))).toBe(printed);
  });

  it('a batch consumer that lost one link to its producers', async () => {
    const checkout = (server: string, producer: string, startMs: number): SpanSpec => ({
      kind: 'server',
      name: 'POST /api/checkout',
      id: server,
      startMs,
      durationMs: 40,
      children: [{ kind: 'producer', name: 'orders publish', id: producer, durationMs: 1 }],
    });
    await using harness = await harnessWith([
      ...spansOf(FIRST_TRACE, [checkout('a000000000000001', 'a000000000000002', 0)]),
      ...spansOf(SECOND_TRACE, [checkout('a000000000000011', 'a000000000000012', 2)]),
      // One batch of both messages; the link to the second checkout's producer was never added.
      ...spansOf(BATCH_TRACE, [
        {
          kind: 'consumer',
          name: 'orders process',
          service: 'worker',
          id: 'b000000000000001',
          startMs: 50,
          durationMs: 30,
          attributes: { 'messaging.batch.message_count': 2 },
          links: [{ traceId: FIRST_TRACE, spanId: 'a000000000000002' }],
          children: [
            {
              kind: 'client',
              name: 'INSERT shipments',
              service: 'worker',
              id: 'b000000000000002',
              durationMs: 25,
              attributes: { 'db.system': 'postgresql' },
            },
          ],
        },
      ]),
    ]);
    const { builder: batchLinks, selector: batchLinksSelector } = readmePattern('batchLinks');
    expect(formatPattern(batchLinks)).toBe(formatPattern(parseSelector(batchLinksSelector)));
    expectReadmeLine('const batch = await harness.trace(batchTraceId);');
    expectReadmeLine('expect(batch).toMatchSpanTree(batchLinks);');
    expectReadmeLine('expect(batch).toMatchSpanTree(batchLinksSelector);');

    const batch = await harness.trace(BATCH_TRACE);
    const printedLinks = printedFailure('batch-links');
    expect(failureOf(() => expect(batch).toMatchSpanTree(batchLinks))).toBe(printedLinks);
    expect(failureOf(() => expect(batch).toMatchSpanTree(batchLinksSelector))).toBe(printedLinks);

    expectReadmeLine("expect(await harness.trace(checkoutTraceId)).toBeContinuousAcross('api>worker:link');");
    const checkoutTraceIds = [FIRST_TRACE, SECOND_TRACE];
    const printedHop = printedFailure('batch-hop');
    expect(printedHop).toContain(`continuing trace ${SECOND_TRACE}`);
    expect(
      await asyncFailureOf(async () => {
        for (const checkoutTraceId of checkoutTraceIds) {
          expect(await harness.trace(checkoutTraceId)).toBeContinuousAcross('api>worker:link');
        }
      }),
    ).toBe(printedHop);
  });
});
