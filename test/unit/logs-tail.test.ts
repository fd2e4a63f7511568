import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tailLogFile } from '../../harness/collect/logs/tail-log-file.js';
import type { LogFileTail } from '../../harness/collect/logs/tail-log-file.js';
import { Store } from '../../harness/collect/store.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const dir = mkdtempSync(join(tmpdir(), 'tracegate-tail-'));
const tails: LogFileTail[] = [];

afterEach(async () => {
  await Promise.all(tails.splice(0).map((tail) => tail.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bodies = (store: Store) => store.logs().map((log) => log.body);

describe('tailLogFile()', () => {
  it('follows appends (not older lines), reassembles a cut line and stores the last unterminated one on close', async () => {
    const path = join(dir, 'api.log');
    writeFileSync(path, 'from an earlier run\n');
    const store = new Store();
    const tail = await tailLogFile(path, store, { service: 'api', pollMs: 10 });
    tails.push(tail);
    appendFileSync(path, `{"msg":"first","trace_id":"${TRACE}"}\n{"msg":"sec`);
    await new Promise((resolve) => setTimeout(resolve, 60));
    appendFileSync(path, 'ond"}\nno newline');
    await tail.close();
    expect(bodies(store)).toEqual(['first', 'second', 'no newline']);
    expect(store.logs()[0]).toMatchObject({ traceId: TRACE, service: 'api', source: { kind: 'file', path } });
    expect(tail.stats()).toMatchObject({ lines: 3, structured: 2, plain: 1, withTraceId: 1 });
  });

  it('reads a file that appears later from its start, and starts over when it is truncated', async () => {
    const path = join(dir, 'late.log');
    const store = new Store();
    const tail = await tailLogFile(path, store, { service: 'w', pollMs: 10 });
    tails.push(tail);
    writeFileSync(path, 'one\ntwo\n');
    await new Promise((resolve) => setTimeout(resolve, 60));
    writeFileSync(path, 'three\n');
    await new Promise((resolve) => setTimeout(resolve, 60));
    await tail.close();
    expect(bodies(store)).toEqual(['one', 'two', 'three']);
  });
});
