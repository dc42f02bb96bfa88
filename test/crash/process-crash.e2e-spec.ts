import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createEventStore, type EventStore } from '@l10k/eventstore';
import { PostgresCheckpointStore, projectionLag, readModelProjections } from '@l10k/read-model';
import { freePort } from '@l10k/database';
import { readModelSnapshot } from '../../libs/read-model/test';
import { CHIYODA, TONO, completePlan } from '../../apps/api/test/workflow-client';
import { AppProcess, type DatabaseProcess, ensureBuilt, runCli, startDatabase } from './built-system';
import { IdempotentWriter } from './idempotent-writers';

/** How long the writers write between two crashes, and how many write at once. */
const WRITE_MS = Number(process.env.CRASH_WRITE_MS ?? 2_500);
const WRITERS = 6;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(100);
  }
}

/**
 * The built system (dist/, as `npm start` runs it) on a PostgreSQL of its own, written to by
 * clients that retry with their Idempotency-Key, while the API, the projector, both, and the
 * postmaster are killed with SIGKILL in turn and started again on the same data.
 */
describe('the built system, killed with SIGKILL under concurrent idempotent writers', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'l10k-crash-'));
  let databasePort: number;
  let database: DatabaseProcess;
  let api: AppProcess;
  let projector: AppProcess;
  let env: NodeJS.ProcessEnv;
  let baseUrl: string;
  let build: { built: boolean; seconds: number };

  beforeAll(async () => {
    build = ensureBuilt();
    databasePort = await freePort();
    database = await startDatabase(dataDir, databasePort);
    env = {
      PATH: process.env.PATH,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      AUTH_MODE: 'dev',
      DEV_TOKEN_SECRET: 'crash-test-secret-0123456789abcdef0123456789',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    };
    baseUrl = `http://127.0.0.1:${env.PORT}`;
    const migrated = runCli('scripts/migrate.js', [], env);
    if (migrated.status !== 0) throw new Error(`migrations failed: ${migrated.output}`);
    api = new AppProcess('api', 'apps/api/src/main.js', env);
    projector = new AppProcess('projector', 'apps/projector/src/main.js', env);
    api.start();
    projector.start();
    await apiLive();
  }, 900_000);

  afterAll(async () => {
    await api?.stop();
    await projector?.stop();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const apiLive = () =>
    until('the API to answer /health/live', async () =>
      (await fetch(`${baseUrl}/health/live`)).ok ? true : undefined,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${api.lastOutput()}`);
    });

  const restartDatabase = async (): Promise<void> => {
    // Its backends notice the postmaster is gone and exit; a new postmaster waits for them.
    database = await until(
      'the embedded PostgreSQL to start again',
      () => startDatabase(dataDir, databasePort),
      60_000,
    );
  };

  it('loses and duplicates no acknowledged write, its hash chains verify, and every read table equals a rebuild', async () => {
    const started = Date.now();
    const token = async (sub: string, code: string): Promise<string> => {
      const response = await fetch(`${baseUrl}/v1/auth/dev-tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub, name: sub, roles: ['municipality'], municipalityCode: code }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { token: string }).token;
    };
    let stopping = false;
    const writers = await Promise.all(
      Array.from({ length: WRITERS }, async (_, index) => {
        const code = index % 2 === 0 ? TONO : CHIYODA;
        return new IdempotentWriter({
          baseUrl,
          token: await token(`clerk-${index}-${code}`, code),
          plan: (round) => completePlan(10_000_000 + (round % 1_000) * 1_000),
          shouldStop: () => stopping,
        });
      }),
    );
    const writing = Promise.all(writers.map((writer) => writer.run()));

    const crashes: string[] = [];
    const crash = async (what: string, act: () => Promise<void>): Promise<void> => {
      await pause(WRITE_MS);
      await act();
      crashes.push(what);
      await pause(300);
      // Whatever died with it (an app that gave up on its database) starts again too.
      if (!api.running) api.start();
      if (!projector.running) projector.start();
      await apiLive();
    };
    await crash('api', () => api.crash());
    await crash('projector', () => projector.crash());
    await crash('api and projector', async () => {
      await Promise.all([api.crash(), projector.crash()]);
    });
    await crash('postmaster', async () => {
      process.kill(database.postmasterPid(), 'SIGKILL');
      await database.abandon();
      await pause(1_000);
      await restartDatabase();
    });
    await pause(WRITE_MS);
    stopping = true;
    await writing;

    const writes = writers.flatMap((writer) => writer.writes);
    const acknowledged = writes.filter((write) => write.acknowledged);
    const refused = writes.filter((write) => write.refused);
    const answered500 = writes.filter((write) =>
      write.failedAttempts.some((status) => status >= 500 && status !== 503),
    );
    const retried = writes.filter((write) => write.attempts > 1);

    // Every acknowledged write's events carry its key as their causation id.
    const dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    let store: EventStore | undefined;
    try {
      const counted: Array<{ key: string; events: number; appends: number }> = await dataSource.query(
        `SELECT metadata->>'causationId' AS key, count(*)::int AS events,
                count(DISTINCT (stream_id, transaction_id))::int AS appends
           FROM events GROUP BY 1`,
      );
      const byKey = new Map(counted.map((row) => [row.key, row]));
      const lost = acknowledged.filter((write) => !byKey.has(write.key));
      const duplicated = writes.filter(
        (write) => (byKey.get(write.key)?.appends ?? 0) > 1 || (byKey.get(write.key)?.events ?? 0) > 1,
      );
      const unacknowledgedButWritten = writes.filter((write) => !write.acknowledged && byKey.has(write.key));

      // The projector, last restarted after the postmaster came back, catches up with the whole log.
      store = await createEventStore({ kind: 'postgres', connectionString: database.url });
      const checkpoints = new PostgresCheckpointStore(dataSource);
      const names = readModelProjections.map((projection) => projection.name);
      await until(
        'the projector to catch up',
        async () => {
          const lag = await projectionLag(store!, checkpoints, names, { countBehind: true });
          return lag.every((projection) => projection.behindEvents === 0) ? true : undefined;
        },
        120_000,
      );
      // An acknowledged write sent again after all the crashes is answered as the first time and appends nothing.
      const [{ before }] = await dataSource.query('SELECT count(*)::int AS before FROM events');
      const replays = await Promise.all(
        acknowledged
          .filter((_, index) => index % 10 === 0)
          .map(async (write) => {
            const response = await fetch(`${baseUrl}${write.path}`, {
              method: write.method,
              headers: {
                authorization: `Bearer ${write.token}`,
                'content-type': 'application/json',
                'idempotency-key': write.key,
              },
              body: JSON.stringify(write.body),
            });
            return { write, status: response.status, body: (await response.json()) as { id?: string } };
          }),
      );
      const [{ after }] = await dataSource.query('SELECT count(*)::int AS after FROM events');
      await projector.stop();
      await api.stop();
      const live = await readModelSnapshot(dataSource.manager);

      const verified = runCli('apps/projector/src/cli.js', ['verify'], env);
      const rebuilt = runCli('apps/projector/src/cli.js', ['rebuild'], env);
      const fromScratch = await readModelSnapshot(dataSource.manager);
      const rows = Object.values(live).reduce((sum, table) => sum + table.length, 0);
      const [{ events }] = await dataSource.query('SELECT count(*)::int AS events FROM events');

      console.log(
        [
          `crash test: ${((Date.now() - started) / 1000).toFixed(1)} s (build ${build.built ? `${build.seconds.toFixed(1)} s` : 'current, skipped'}), killed ${crashes.join(', ')} (the API started ${api.starts} times, the projector ${projector.starts})`,
          `  writes acknowledged ${acknowledged.length} (${retried.length} after retries with the same key), lost ${lost.length}, duplicated ${duplicated.length}, refused ${refused.length}, never acknowledged ${writes.length - acknowledged.length - refused.length}`,
          `  ${events} events in the log; ${verified.output.trim()}; ${replays.length} acknowledged writes sent again were replayed, appending ${after - before} events`,
          `  ${Object.keys(live).length} read tables, ${rows} rows compared with a rebuild from scratch`,
        ].join('\n'),
      );

      expect(crashes).toEqual(['api', 'projector', 'api and projector', 'postmaster']);
      expect(acknowledged.length).toBeGreaterThan(50);
      expect(retried.length).toBeGreaterThan(0);
      expect(
        refused.map(
          (write) => `${write.method} ${write.path}: ${write.refused?.status} ${write.refused?.body}`,
        ),
      ).toEqual([]);
      expect(writes.length - acknowledged.length).toBe(0);
      expect(lost.map((write) => write.key)).toEqual([]);
      expect(duplicated.map((write) => write.key)).toEqual([]);
      expect(unacknowledgedButWritten).toEqual([]);
      expect(
        answered500.map((write) => `${write.method} ${write.path}: ${write.failedAttempts.join(',')}`),
      ).toEqual([]);
      // Every write answered with a new application is the stream of that application.
      for (const write of acknowledged.filter((candidate) => candidate.method === 'POST')) {
        expect(write.acknowledged?.body.id).toEqual(expect.any(String));
      }
      expect(
        replays.filter(
          ({ write, status, body }) =>
            status !== write.acknowledged?.status || body.id !== write.acknowledged?.body.id,
        ),
      ).toEqual([]);
      expect(after).toBe(before);
      expect(verified.status).toBe(0);
      expect(verified.output).toContain('every hash chain is intact');
      expect(rebuilt.status).toBe(0);
      expect(rows).toBeGreaterThan(acknowledged.length / 2);
      expect(fromScratch).toEqual(live);
    } finally {
      await store?.close();
      await dataSource.destroy();
    }
  }, 900_000);
});
