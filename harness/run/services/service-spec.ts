/** When a started service counts as ready: an HTTP GET answering below 500, an open TCP port, or a log line. */
export type ReadySpec =
  { readonly url: string } | { readonly port: number; readonly host?: string } | { readonly logLine: RegExp };

/** A service under test that tracegate starts as a child process. */
export interface ServiceSpec {
  /** Names its logs' `source.process` and, unless `env` sets OTEL_SERVICE_NAME, its service name. */
  readonly name: string;
  /** A string runs through the shell (`/bin/sh -c`); an array is argv, run without a shell. */
  readonly command: string | readonly string[];
  readonly cwd?: string;
  /** Added to the inherited environment; wins over every variable tracegate sets. */
  readonly env?: Readonly<Record<string, string>>;
  /** Without it the service counts as ready once spawned. */
  readonly ready?: ReadySpec;
  /** How long readiness may take; default 30,000 ms. */
  readonly readyTimeoutMs?: number;
  /** How long SIGTERM has to end the process group before SIGKILL; default 5,000 ms. */
  readonly stopGraceMs?: number;
}

export const DEFAULT_READY_TIMEOUT_MS = 30_000;
export const DEFAULT_STOP_GRACE_MS = 5_000;
/** Service names are what flags and reports show: letters, digits, `.`, `_`, `-`. */
export const SERVICE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
