import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { REPO } from './run-support.js';

/** The built bin, as users and pipelines run it (`npm run build` first). */
export const CLI = 'dist/ci/cli.js';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs tracegate's command line in the repository with CI set (plain output, no colours), collecting its output.
 * Started processes are added to `children`, so a test file can kill what a failed test left running.
 */
export async function runCli(args: readonly string[], children?: ChildProcess[]): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO, env: { ...process.env, CI: '1' } });
  children?.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
