import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/** The benchmark's HTTP target, running in a child process; `stop()` ends it. */
export interface TargetProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts bench/_internals/driver-target.mjs and waits for the port it listens on (127.0.0.1 only). */
export async function startTargetProcess(): Promise<TargetProcess> {
  const child: ChildProcess = fork(new URL('./driver-target.mjs', import.meta.url), { stdio: 'inherit' });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the target exited with code ${code} before listening`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
