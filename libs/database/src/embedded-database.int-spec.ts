import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedDatabaseInChild as startEmbeddedDatabase } from '../test/embedded-database-process';
import { LEGACY_PASSWORD, PASSWORD_FILE } from './embedded-password';
import { freePort } from './free-port';

const passwordOf = (url: string): string => decodeURIComponent(new URL(url).password);
const withPassword = (url: string, password: string): string => {
  const changed = new URL(url);
  changed.password = password;
  return changed.toString();
};

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function refusal(url: string): Promise<string | undefined> {
  try {
    await query(url, 'SELECT 1');
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

// Each test initialises or starts a PostgreSQL cluster, twice in some: minutes on a busy machine.
jest.setTimeout(300_000);

/** Each start runs in a child process, as `npm start` runs it (see embedded-database-process). */
describe('the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'l10k-embedded-'));
  const passwordFile = join(dataDir, PASSWORD_FILE);
  let port: number;
  let firstUrl: string;

  beforeAll(async () => {
    port = await freePort();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is random per data folder, kept beside database-url readable by its owner only', async () => {
    const database = await startEmbeddedDatabase(dataDir, port);
    try {
      firstUrl = database.url;
      const password = passwordOf(database.url);
      expect(password).not.toBe(LEGACY_PASSWORD);
      expect(password.length).toBeGreaterThanOrEqual(32);
      expect(readFileSync(passwordFile, 'utf8').trim()).toBe(password);
      expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
      await query(database.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
      expect(await refusal(withPassword(database.url, LEGACY_PASSWORD))).toBe('28P01');
    } finally {
      await database.stop();
    }
  });

  it('is found again by a second start, with the data it left', async () => {
    const database = await startEmbeddedDatabase(dataDir, port);
    try {
      expect(database.url).toBe(firstUrl);
      expect(await query(database.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    } finally {
      await database.stop();
    }
  });

  it('is reached through its Unix-domain socket (Windows, which has none, over TCP), and still answers on 127.0.0.1', async () => {
    const database = await startEmbeddedDatabase(dataDir, port);
    try {
      const ownConnection = 'SELECT client_addr FROM pg_stat_activity WHERE pid = pg_backend_pid()';
      const onWindows = process.platform === 'win32';
      expect(new URL(database.url).hostname).toBe(onWindows ? '127.0.0.1' : encodeURIComponent('/tmp'));
      // A client on a Unix-domain socket has no address.
      expect(await query(database.url, ownConnection)).toEqual([
        { client_addr: onWindows ? '127.0.0.1' : null },
      ]);
      const overTcp = new URL(database.url);
      overTcp.hostname = '127.0.0.1';
      expect(await query(overTcp.toString(), ownConnection)).toEqual([{ client_addr: '127.0.0.1' }]);
    } finally {
      await database.stop();
    }
  });

  it('says so when the folder is in use by a server that is still running', async () => {
    const running = await startEmbeddedDatabase(dataDir, port);
    try {
      await expect(startEmbeddedDatabase(dataDir, await freePort())).rejects.toThrow(
        /did not start on port \d+ \(is another `npm start` using this DATA_DIR\?\)/,
      );
    } finally {
      await running.stop();
    }
  });

  it('replaces the former well-known password of a cluster made before it existed', async () => {
    // The state an older `npm start` left: a cluster whose password is `postgres`, no password file.
    const before = await startEmbeddedDatabase(dataDir, port);
    await query(before.url, `ALTER ROLE postgres PASSWORD '${LEGACY_PASSWORD}'`);
    await before.stop();
    rmSync(passwordFile);

    const database = await startEmbeddedDatabase(dataDir, port);
    try {
      const password = passwordOf(database.url);
      expect(password).not.toBe(LEGACY_PASSWORD);
      expect(readFileSync(passwordFile, 'utf8').trim()).toBe(password);
      expect(await query(database.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
      expect(await refusal(withPassword(database.url, LEGACY_PASSWORD))).toBe('28P01');
    } finally {
      await database.stop();
    }
  });

  it('names the password file when the cluster accepts neither it nor the former default', async () => {
    const before = await startEmbeddedDatabase(dataDir, port);
    await query(before.url, "ALTER ROLE postgres PASSWORD 'something-else-entirely'");
    await before.stop();
    await expect(startEmbeddedDatabase(dataDir, port)).rejects.toThrow(
      `accepts neither the password in ${passwordFile} nor the former default`,
    );
  });

  describe('a throwaway server (not persistent, as tests and benches start it)', () => {
    /**
     * The running watchdogs for `folder`, from /proc (no `ps` needed): their pids. A watchdog's
     * shell forks for a moment before each command it runs, and the fork shows the same command
     * line; forks (whose parent is a watchdog) are left out.
     */
    const watchdogsOf = (folder: string): string[] => {
      const read = (path: string): string => {
        try {
          return readFileSync(path, 'utf8');
        } catch {
          return '';
        }
      };
      const matching = new Map(
        readdirSync('/proc')
          .filter((entry) => /^\d+$/.test(entry))
          .filter((pid) => {
            const line = read(`/proc/${pid}/cmdline`);
            return line.includes('l10k-database-watchdog') && line.includes(folder);
          })
          // The parent's pid: the second field after the command's name in brackets.
          .map((pid) => [pid, read(`/proc/${pid}/stat`).split(') ')[1]?.split(' ')[1]] as const),
      );
      return [...matching].filter(([, parent]) => !matching.has(parent ?? '')).map(([pid]) => pid);
    };

    it('stops, and its folder goes, when the process that started it is killed before its clean-up', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'l10k-embedded-throwaway-'));
      try {
        const database = await startEmbeddedDatabase(folder, await freePort(), { persistent: false });
        expect(await query(database.url, 'SELECT 1 AS up')).toEqual([{ up: 1 }]);
        await database.kill();
        const deadline = Date.now() + 60_000;
        while ((existsSync(folder) || (await refusal(database.url)) === undefined) && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 250));
        expect([existsSync(folder), await refusal(database.url)]).toEqual([false, expect.any(String)]);
        expect(watchdogsOf(folder)).toEqual([]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('leaves no watchdog behind when it is stopped as usual, and a kept server has none', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'l10k-embedded-throwaway-'));
      try {
        const throwaway = await startEmbeddedDatabase(folder, await freePort(), { persistent: false });
        expect(watchdogsOf(folder)).toHaveLength(1);
        await throwaway.stop();
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        expect(watchdogsOf(folder)).toEqual([]);
        const kept = await startEmbeddedDatabase(folder, await freePort());
        try {
          expect(watchdogsOf(folder)).toEqual([]);
        } finally {
          await kept.stop();
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });
});
