import type { Store } from '../store.js';
import type { LogRecord } from '../../model/log.js';
import { LineSplitter } from './line-splitter.js';
import type { SplitLine } from './line-splitter.js';
import { LogLineParser } from './log-line-parser.js';
import type { LogLineOptions } from './log-line-options.js';
import type { LogCaptureStats } from './log-capture-stats.js';
import { zeroLogCaptureStats } from './log-capture-stats.js';

/** Called with every non-blank line as written (after the length cap), before it is parsed. */
export type LineListener = (line: string) => void;

/**
 * Feeds a stream's text chunks into the store as LogRecords: chunks cut mid-line are reassembled, each chunk's
 * records go in as one batch, and `end()` stores a final unterminated line.
 */
export class LogLineCapture {
  readonly #store: Store;
  readonly #parser: LogLineParser;
  readonly #splitter: LineSplitter;
  readonly #listeners = new Set<LineListener>();
  readonly #stats = zeroLogCaptureStats();

  constructor(store: Store, options: LogLineOptions) {
    this.#store = store;
    this.#parser = new LogLineParser(options);
    this.#splitter = new LineSplitter(this.#parser.maxLineChars);
  }

  /** Adds a chunk of text (any size, any cut). */
  write(chunk: string): void {
    this.#take(this.#splitter.push(chunk));
  }

  /** The stream ended: stores the last line if it had no newline. */
  end(): void {
    this.#take(this.#splitter.end());
  }

  /** Subscribes to raw lines; returns the unsubscribe function. */
  onLine(listener: LineListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Counts so far (a copy). */
  stats(): LogCaptureStats {
    return { ...this.#stats, invalidIds: { ...this.#stats.invalidIds } };
  }

  #take(lines: readonly SplitLine[]): void {
    if (lines.length === 0) return;
    const records: LogRecord[] = [];
    const stats = this.#stats;
    for (const line of lines) {
      const parsed = this.#parser.parse(line.text, line.truncated);
      if (parsed === undefined) continue;
      for (const listener of this.#listeners) listener(line.text);
      records.push(parsed.record);
      stats.lines++;
      if (parsed.structured) stats.structured++;
      else stats.plain++;
      if (parsed.truncated) stats.truncated++;
      if (parsed.record.traceId !== '') stats.withTraceId++;
      for (const problem of parsed.idProblems) stats.invalidIds[problem.reason]++;
    }
    if (records.length > 0) this.#store.addLogs(records);
  }
}
