/** The system as `npm start` runs it (the launcher: API workers and the projector), on the bench's database. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RunningSystem {
  readonly url: string;
  readonly launcher: ChildProcess;
  stop(): Promise<void>;
}

/** `nodeArgs` go to the launcher's node, whose API workers and projector inherit them (e.g. `--cpu-prof`). */
export async function startSystem(
  env: NodeJS.ProcessEnv,
  port: number,
  nodeArgs: readonly string[] = [],
): Promise<RunningSystem> {
  const launcher = spawn(
    process.execPath,
    [...nodeArgs, join(__dirname, '..', '..', 'scripts', 'start-system.js')],
    {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (launcher.exitCode !== null) throw new Error(`the launcher exited with ${launcher.exitCode}`);
    const live = await fetch(`${url}/health/live`).catch(() => undefined);
    if (live?.ok) break;
    if (Date.now() > deadline) throw new Error('the API did not answer /health/live within 120 s');
    await sleep(250);
  }
  return {
    url,
    launcher,
    stop: async () => {
      if (launcher.exitCode !== null) return;
      const exited = new Promise((resolve) => launcher.once('exit', resolve));
      launcher.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000)]);
      if (launcher.exitCode === null) launcher.kill('SIGKILL');
    },
  };
}
