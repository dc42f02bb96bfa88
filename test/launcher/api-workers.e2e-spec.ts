import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '@l10k/database';
import { ROOT, type DatabaseProcess, ensureBuilt, runCli, startDatabase } from '../crash/built-system';
import { WORKER_YOUNG_GENERATION } from '../../scripts/api-workers';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `pid`'s command line, argument by argument; none once the process has gone. */
const argumentsOf = (pid: number): string[] => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
};

/** Whether `pid` is still one of this project's processes (not a later one given the same id). */
const isOurs = (pid: number): boolean => argumentsOf(pid).some((argument) => argument.includes(ROOT));

/** The compiled launcher (`npm start` without the build) on an existing database; its lines, as they come. */
class Launcher {
  readonly lines: string[] = [];
  private readonly child: ChildProcess;

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [join(ROOT, 'dist', 'scripts', 'start-system.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout!, this.child.stderr!])
      createInterface({ input: stream }).on('line', (line) => this.lines.push(line));
  }

  async waitFor(pattern: RegExp, timeoutMs = 120_000): Promise<RegExpMatchArray[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matches = this.lines.flatMap((line) => {
        const match = pattern.exec(line);
        return match ? [match] : [];
      });
      if (matches.length > 0) return matches;
      if (this.exitCode !== null || Date.now() > deadline)
        throw new Error(`no line matching ${pattern}; the launcher said:\n${this.lines.join('\n')}`);
      await pause(100);
    }
  }

  /** Process ids of the workers now listening, by worker number (the latest line per number wins). */
  listening(): Map<number, number> {
    const workers = new Map<number, number>();
    for (const line of this.lines) {
      const match = /api worker (\d+) listening \(pid (\d+)\)/.exec(line);
      if (match) workers.set(Number(match[1]), Number(match[2]));
    }
    return workers;
  }

  get exitCode(): number | null {
    return this.child.exitCode;
  }

  async exited(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) await once(this.child, 'exit');
    return this.child.exitCode;
  }

  signal(name: NodeJS.Signals): void {
    this.child.kill(name);
  }

  /**
   * Ends the launcher and every process it said it started (workers and the projector) with
   * SIGKILL: a test that failed half-way leaves none of them running on the machine. The
   * launcher killed alone would leave its children, which outlive it.
   */
  killAll(): void {
    this.child.kill('SIGKILL');
    for (const line of this.lines)
      for (const [, pid] of line.matchAll(/\(pid (\d+)\)/g))
        if (isOurs(Number(pid))) process.kill(Number(pid), 'SIGKILL');
  }
}

/**
 * `npm start` runs the API as API_WORKERS processes on one port: a worker killed with SIGKILL
 * leaves the port answering and is started again; SIGTERM stops every worker; a worker that
 * cannot start at all stops the launcher rather than being restarted forever.
 */
describe('the launcher’s API workers', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'l10k-workers-'));
  let database: DatabaseProcess;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    ensureBuilt();
    database = await startDatabase(dataDir, await freePort());
    env = {
      PATH: process.env.PATH,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      AUTH_MODE: 'dev',
      DEV_TOKEN_SECRET: 'workers-test-secret-0123456789abcdef0123456789',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      API_WORKERS: '2',
    };
    const migrated = runCli('scripts/migrate.js', [], env);
    if (migrated.status !== 0) throw new Error(`migrations failed: ${migrated.output}`);
  }, 900_000);

  afterAll(async () => {
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the port answering while a killed worker is started again, then stops them all on SIGTERM', async () => {
    const port = await freePort();
    const launcher = new Launcher({ ...env, PORT: String(port) });
    try {
      await launcher.waitFor(/api worker 2 listening/);
      await launcher.waitFor(/api worker 1 listening/);
      const before = launcher.listening();
      expect(before.size).toBe(2);
      const victim = before.get(1)!;
      expect(new Set(before.values()).size).toBe(2);

      process.kill(victim, 'SIGKILL');
      await launcher.waitFor(/api worker 1 \(pid \d+\) exited with SIGKILL; starting it again in \d+ ms/);
      // While worker 1 is down, every new connection is served by worker 2.
      for (let call = 0; call < 10; call++) {
        const response = await fetch(`http://127.0.0.1:${port}/health/live`, {
          headers: { connection: 'close' },
        });
        expect(response.status).toBe(200);
      }

      const deadline = Date.now() + 60_000;
      while (launcher.listening().get(1) === victim && Date.now() < deadline) await pause(100);
      const after = launcher.listening();
      expect(after.get(1)).not.toBe(victim);
      expect(after.get(2)).toBe(before.get(2));
      expect(isRunning(victim)).toBe(false);
      expect(isRunning(after.get(1)!)).toBe(true);
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
      // Every worker, the restarted one too, runs with its young generation set (api-workers.ts).
      for (const pid of after.values())
        expect(argumentsOf(pid)).toEqual(expect.arrayContaining(WORKER_YOUNG_GENERATION));

      launcher.signal('SIGTERM');
      expect(await launcher.exited()).toBe(0);
      expect([...after.values()].filter(isRunning)).toEqual([]);
    } finally {
      launcher.killAll();
    }
  }, 300_000);

  it('stops with exit code 1 when the workers cannot listen (the port is taken), instead of restarting them', async () => {
    const taken = createServer();
    taken.listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as { port: number };
    const launcher = new Launcher({ ...env, PORT: String(port) });
    try {
      expect(await launcher.exited()).toBe(1);
      expect(launcher.lines.join('\n')).toMatch(/api worker \d \(pid \d+\) exited with 1 before it listened/);
      expect(launcher.lines.join('\n')).not.toMatch(/starting it again/);
    } finally {
      launcher.killAll();
      taken.close();
    }
  }, 300_000);
});
