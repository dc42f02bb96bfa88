import { type ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';

/** The repository root, where `npm run build` writes dist/. */
export const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');

/** The TypeScript sources `npm run build:server` compiles into dist/ (specs and test support excluded). */
function serverSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : serverSources(path);
    return /(?<!\.(spec|int-spec|e2e-spec|d))\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Sources whose compiled file is missing or older than they are. */
export function staleSources(): string[] {
  const folders = [
    ...['api', 'projector'].map((app) => join(ROOT, 'apps', app, 'src')),
    ...readdirSync(join(ROOT, 'libs')).map((lib) => join(ROOT, 'libs', lib, 'src')),
    join(ROOT, 'scripts'),
  ].filter((folder) => existsSync(folder));
  return folders.flatMap(serverSources).filter((source) => {
    const compiled = join(DIST, relative(ROOT, source)).replace(/\.ts$/, '.js');
    return !existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs;
  });
}

/** Compiled files still naming a path alias: tsc ran but tsc-alias did not (or not yet). */
function unaliased(folder = DIST): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'web' ? [] : unaliased(path);
    return entry.name.endsWith('.js') && readFileSync(path, 'utf8').includes('require("@l10k/') ? [path] : [];
  });
}

/** Compiles the server as `npm start` does (the web front end is not needed here), unless dist/ is current. */
export function ensureBuilt(): { built: boolean; seconds: number } {
  const started = Date.now();
  if (staleSources().length === 0 && unaliased().length === 0) return { built: false, seconds: 0 };
  const result = spawnSync('npm', ['run', '--silent', 'build:server'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `npm run build:server failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return { built: true, seconds: (Date.now() - started) / 1000 };
}

/**
 * The compiled embedded PostgreSQL in a Node process of its own, as `npm start` runs it: the
 * test can kill its postmaster without touching the test run's shared server.
 */
const DATABASE_CHILD = `
const { startEmbeddedDatabase } = require(${JSON.stringify(join(DIST, 'libs', 'database', 'src', 'embedded-database.js'))});
const [dataDir, port] = process.argv.slice(1);
startEmbeddedDatabase({ dataDir, port: Number(port), persistent: true }).then(
  (database) => {
    process.stdout.write(JSON.stringify({ url: database.url }) + '\\n');
    process.stdin.resume();
    process.stdin.on('end', () => database.stop().finally(() => process.exit(0)));
  },
  (error) => {
    process.stdout.write(JSON.stringify({ error: String(error && error.message) }) + '\\n');
    process.exit(1);
  },
);
`;

export interface DatabaseProcess {
  readonly url: string;
  /** The postmaster's process id, from the cluster's postmaster.pid. */
  postmasterPid(): number;
  stop(): Promise<void>;
  /** Ends the Node process that started the server, after its postmaster was killed. */
  abandon(): Promise<void>;
}

export async function startDatabase(dataDir: string, port: number): Promise<DatabaseProcess> {
  const child = spawn(process.execPath, ['-e', DATABASE_CHILD, dataDir, String(port)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const [first] = (await once(lines, 'line')) as [string];
  lines.close();
  const answer = JSON.parse(first) as { url?: string; error?: string };
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.stdin?.end();
    await exited;
  };
  if (answer.url === undefined) {
    await stop();
    throw new Error(`embedded PostgreSQL did not start: ${answer.error}`);
  }
  return {
    url: answer.url,
    postmasterPid: () => Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]),
    stop,
    abandon: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A compiled app (dist/…/main.js) as a child process; its last output lines explain a failure. */
export class AppProcess {
  private child?: ChildProcess;
  private readonly output: string[] = [];
  starts = 0;

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  start(): void {
    const child = fork(join(DIST, this.entry), [], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on('line', (line) => {
        this.output.push(line);
        if (this.output.length > 40) this.output.shift();
      });
    }
    this.child = child;
    this.starts += 1;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number {
    if (!this.child?.pid) throw new Error(`${this.name} is not running`);
    return this.child.pid;
  }

  /** kill -9: no shutdown hook runs, no connection is closed politely. */
  async crash(): Promise<void> {
    if (!this.running) return;
    const exited = once(this.child!, 'exit');
    process.kill(this.pid, 'SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    const exited = once(this.child!, 'exit');
    this.child!.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  lastOutput(): string {
    return this.output.join('\n');
  }
}

/** Runs a compiled CLI (dist/…js) to its end. */
export function runCli(
  entry: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(DIST, entry), ...args], {
    env,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
