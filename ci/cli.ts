#!/usr/bin/env node
import { runCli } from './run-cli.js';

// The first SIGINT or SIGTERM asks the running command to stop cleanly; a second one ends the process at once
// (the handlers are installed once, so Node's default takes over).
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort(signal));

process.exitCode = await runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, isTTY: process.stdout.isTTY === true, env: process.env },
  stop.signal,
);
