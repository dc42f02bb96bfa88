import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, listenHost, loadConfig } from '@l10k/config';
import {
  forgetRunningDatabase,
  freePort,
  isPortFree,
  migrate,
  rememberRunningDatabase,
} from '@l10k/database';
import { EmbeddedDatabase, startEmbeddedDatabase } from '@l10k/database/embedded-database';
import { ApiWorkers } from './api-workers';

/**
 * `npm start`: the whole system on one machine. Starts the embedded PostgreSQL (unless
 * DATABASE_URL is set), brings the schema up to date, then runs the API as API_WORKERS
 * processes on one port (default: one per core; a worker that dies is started again) and
 * the projector as a child process. SIGINT/SIGTERM stop the apps first, then the database.
 */
const EMBEDDED_PORT = 54329;
const STOP_GRACE_MS = 10_000;

function log(message: string): void {
  console.log(`[l10k] ${message}`);
}

async function embeddedPort(): Promise<number> {
  const preferred = Number(process.env.EMBEDDED_DATABASE_PORT ?? EMBEDDED_PORT);
  return (await isPortFree(preferred)) ? preferred : freePort();
}

function startApp(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = fork(join(__dirname, '..', entry), [], { env, stdio: 'inherit' });
  child.on('spawn', () => log(`${name} started (pid ${child.pid})`));
  return child;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function main(): Promise<void> {
  const config = loadConfig(process.env, { acceptsTokens: true });
  let database: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const port = await embeddedPort();
    log(`starting embedded PostgreSQL on 127.0.0.1:${port}, data in ${config.dataDir}`);
    database = await startEmbeddedDatabase({ dataDir: config.dataDir, port, persistent: true });
    databaseUrl = database.url;
    rememberRunningDatabase(config.dataDir, databaseUrl);
  }
  const ran = await migrate(databaseUrl);
  log(ran.length > 0 ? `migrations applied: ${ran.join(', ')}` : 'schema up to date');

  // AUTH_MODE as resolved here (dev by default in the embedded setup), since the API refuses a DATABASE_URL without one.
  const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_MODE: config.authMode };
  const api = new ApiWorkers({
    count: config.apiWorkers,
    entry: join(__dirname, '..', 'apps/api/src/main.js'),
    env,
    log,
    // Called on a later turn of the event loop, once `stop` below is defined.
    onBrokenStart: (reason) => void stop(reason, 1),
  });
  api.start();
  log(`api: ${config.apiWorkers} worker${config.apiWorkers === 1 ? '' : 's'} (API_WORKERS)`);
  const apps = [startApp('projector', 'apps/projector/src/main.js', env)];
  const { host } = listenHost(config);
  log(
    `web front end at http://${host === '0.0.0.0' ? 'localhost' : host}:${config.port}/ (API under /v1, OpenAPI at /docs); Ctrl-C stops everything`,
  );

  let stopping = false;
  const stop = async (reason: string, exitCode: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`stopping (${reason})`);
    for (const app of apps) if (app.exitCode === null) app.kill('SIGTERM');
    await Promise.all([api.stop(STOP_GRACE_MS), ...apps.map((app) => waitForExit(app, STOP_GRACE_MS))]);
    if (database) {
      forgetRunningDatabase(config.dataDir);
      await database.stop().catch(() => undefined);
      log('embedded PostgreSQL stopped');
    }
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  for (const app of apps) {
    app.on('exit', (code, signal) => {
      if (!stopping) void stop(`a child exited with ${signal ?? code}`, code === 0 ? 0 : 1);
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
