import { TracegateError } from '../harness/errors.js';
import { gate } from './commands/gate.js';
import { receive } from './commands/receive.js';
import { run } from './commands/run.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';
import { tracegateVersion } from '../harness/version.js';

type Command = (argv: readonly string[], io: CliIo, stop: AbortSignal) => Promise<ExitCode>;

// One entry per command; each lives in its own file under commands/.
const COMMANDS: Readonly<Record<string, Command>> = { run, gate, receive };

export const HELP = `tracegate: proves distributed traces stay unbroken

Usage: tracegate <command> [flags]

Commands:
  run         start services, drive traffic, judge the traces; exits 0 pass, 1 fail, 2 inconclusive, 3 error
  gate        judge a saved JSON report again under new thresholds; same exit codes, writes reports
  receive     run the OTLP/HTTP receiver alone and count what services export to it

Flags:
  --help      show this help; "tracegate <command> --help" shows a command's flags
  --version   print the version

Exit codes: 0 pass, 1 fail, 2 inconclusive, 3 error (bad configuration, or something would not start)
`;

/** Runs the `tracegate` command line; resolves to the process exit code and never throws. */
export async function runCli(argv: readonly string[], io: CliIo, stop: AbortSignal): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(HELP);
    return ExitCode.Pass;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${tracegateVersion()}\n`);
    return ExitCode.Pass;
  }
  try {
    if (first === undefined) throw new UsageError('tracegate: no command given (see tracegate --help)');
    if (first.startsWith('-')) throw new UsageError(`tracegate: unknown flag ${first} (see tracegate --help)`);
    const command = COMMANDS[first];
    if (command === undefined) {
      const known = Object.keys(COMMANDS).join(', ');
      throw new UsageError(`tracegate: unknown command "${first}" (commands: ${known}; see tracegate --help)`);
    }
    return await command(rest, io, stop);
  } catch (error) {
    // Anything that escapes a command means it could not be set up or started: exit 3, never a stack for users.
    const message =
      error instanceof TracegateError
        ? error.message
        : `tracegate: ${error instanceof Error ? error.message : String(error)}`;
    io.stderr.write(`${message}\n`);
    return ExitCode.Error;
  }
}
