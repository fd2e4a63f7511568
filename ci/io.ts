/** Where a command writes, and whether stdout is a terminal (an updating line) or a log (plain lines). */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}
