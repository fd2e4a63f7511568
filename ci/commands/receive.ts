import { ErrorCode, TracegateError } from '../../harness/errors.js';
import { startReceiver } from '../../harness/collect/otlp/receiver.js';
import type { ReceiverOptions } from '../../harness/collect/otlp/receiver-options.js';
import { integerFlag, parseFlags } from '../args.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { formatTotals, receiveTotals } from './receive-totals.js';
import { startProgress } from './receive-progress.js';

const COMMAND = 'tracegate receive';

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  token: { type: 'string' },
  'max-body-bytes': { type: 'string' },
  'status-interval-ms': { type: 'string' },
  help: { type: 'boolean' },
} as const;

const TERMINAL_INTERVAL_MS = 250;
const LOG_INTERVAL_MS = 5000;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export const RECEIVE_HELP = `Usage: tracegate receive [flags]

Runs the OTLP/HTTP receiver alone, for staging: services export traces and logs to it, and it shows a running
count until SIGINT or SIGTERM, then prints the totals.

Flags:
  --port N                 port to listen on; 0 picks a free one (default 4318)
  --host H                 interface to listen on (default 127.0.0.1, loopback only)
  --token T                require "Authorization: Bearer T" on every request (default: from TRACEGATE_TOKEN,
                           else none); set one whenever --host is not loopback
  --max-body-bytes N       largest export body accepted, measured after decompression (default 20971520)
  --status-interval-ms N   how often the count is shown (default 250 on a terminal, 5000 otherwise; in a log
                           a line is written only when the count changed)
  --help                   show this help
`;

/** `tracegate receive`: listens until `stop` aborts, showing counts; resolves to the exit code. */
export async function receive(argv: readonly string[], io: CliIo, stop: AbortSignal): Promise<ExitCode> {
  const flags = parseFlags(COMMAND, FLAGS, argv);
  if (flags.help === true) {
    io.stdout.write(RECEIVE_HELP);
    return ExitCode.Pass;
  }
  const options: ReceiverOptions = {
    host: flags.host ?? '127.0.0.1',
    port: flags.port === undefined ? 4318 : integerFlag(COMMAND, 'port', flags.port, 0, 65535),
    token: flags.token ?? nonEmpty(io.env['TRACEGATE_TOKEN']),
    maxBodyBytes:
      flags['max-body-bytes'] === undefined
        ? undefined
        : integerFlag(COMMAND, 'max-body-bytes', flags['max-body-bytes'], 1, 1024 * 1024 * 1024),
  };
  const intervalMs =
    flags['status-interval-ms'] === undefined
      ? io.isTTY
        ? TERMINAL_INTERVAL_MS
        : LOG_INTERVAL_MS
      : integerFlag(COMMAND, 'status-interval-ms', flags['status-interval-ms'], 10, 3_600_000);

  const receiver = await startReceiver(options).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TracegateError(
      ErrorCode.InvalidArgument,
      `${COMMAND}: could not listen on ${options.host}:${options.port}: ${reason}`,
    );
  });
  if (!LOOPBACK.has(options.host ?? '') && options.token === undefined) {
    io.stderr.write(
      `${COMMAND}: warning: listening on ${options.host} without a token; anyone who reaches it can send data\n`,
    );
  }
  io.stdout.write(
    `${COMMAND}: listening on ${receiver.url}\n` +
      `  export OTLP/HTTP here: OTEL_EXPORTER_OTLP_ENDPOINT=${receiver.url}\n` +
      `  (traces ${receiver.tracesUrl}, logs ${receiver.logsUrl})\n`,
  );
  const totals = () => formatTotals(receiveTotals(receiver.store.counters(), receiver.stats()));
  const stopProgress = startProgress(io, totals, intervalMs);
  await aborted(stop);
  stopProgress();
  await receiver.close();
  io.stdout.write(`${COMMAND}: stopped (${String(stop.reason)}); totals: ${totals()}\n`);
  return ExitCode.Pass;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
