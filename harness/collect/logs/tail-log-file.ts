import '../../dispose.js';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { Clock } from '../../clock.js';
import { systemClock } from '../../clock.js';
import { InvalidArgumentError } from '../../errors.js';
import type { Store } from '../store.js';
import type { LogCaptureStats } from './log-capture-stats.js';
import { LogLineCapture } from './log-line-capture.js';
import type { LogLineOptions } from './log-line-options.js';

/** Options of tailLogFile(); the source is always `{ kind: 'file', path }`. */
export interface TailLogFileOptions extends Omit<LogLineOptions, 'source'> {
  /** Read lines already in the file; default false (only appends). A file that appears later is read whole. */
  readonly fromStart?: boolean;
  /** How often to look for appended bytes; default 100 ms. */
  readonly pollMs?: number;
  readonly clock?: Clock;
}

/** A file being followed. `close()` reads what is left, stores a final unterminated line and stops. */
export interface LogFileTail extends AsyncDisposable {
  readonly path: string;
  stats(): LogCaptureStats;
  close(): Promise<void>;
}

const API = 'tracegate.tailLogFile()';
const READ_BYTES = 64 * 1024;

/** Follows appends to a file of log lines and stores them as that service's logs. */
export async function tailLogFile(path: string, store: Store, options: TailLogFileOptions): Promise<LogFileTail> {
  if (typeof path !== 'string' || path === '')
    throw new InvalidArgumentError(`${API}: path must be a non-empty string`);
  const pollMs = options.pollMs ?? 100;
  if (!(pollMs > 0)) throw new InvalidArgumentError(`${API}: pollMs must be a positive number, got ${pollMs}`);
  const clock = options.clock ?? systemClock;
  const capture = new LogLineCapture(store, { ...options, source: { kind: 'file', path } });
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(READ_BYTES);
  let file: FileHandle | undefined;
  let offset = 0;

  const openFile = async (atEnd: boolean): Promise<void> => {
    try {
      file = await open(path, 'r');
      offset = atEnd ? (await file.stat()).size : 0;
    } catch {
      file = undefined; // not there yet: the next poll tries again, and reads it from its start
    }
  };
  const readAppended = async (): Promise<void> => {
    if (file === undefined) await openFile(false);
    if (file === undefined) return;
    // A file cut shorter was truncated or replaced in place (log rotation by copytruncate): start over.
    if ((await file.stat()).size < offset) offset = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, READ_BYTES, offset);
      if (bytesRead === 0) return;
      offset += bytesRead;
      capture.write(decoder.write(buffer.subarray(0, bytesRead)));
    }
  };

  await openFile(!(options.fromStart ?? false));
  let timer = clock.setTimeout(poll, pollMs);
  let reading: Promise<void> = Promise.resolve();
  let closed: Promise<void> | undefined;
  function poll(): void {
    reading = readAppended()
      .catch(() => undefined)
      .then(() => {
        if (closed === undefined) timer = clock.setTimeout(poll, pollMs);
      });
  }
  const close = (): Promise<void> => {
    closed ??= (async () => {
      clock.clearTimeout(timer);
      await reading;
      await readAppended().catch(() => undefined);
      capture.write(decoder.end());
      capture.end();
      await file?.close();
    })();
    return closed;
  };
  return { path, stats: () => capture.stats(), close, [Symbol.asyncDispose]: close };
}
