import { Client } from 'pg';
import { createTestDatabase } from '../../../../test/test-database';
import { applicationStreamId, newEvent } from '../../test/event-fixtures';
import { DEFAULT_IDLE_TIMEOUT_MS, PostgresEventStore } from './postgres-event-store';

/** pg-pool closes a connection idle for 10 s unless told otherwise. */
const PG_DEFAULT_IDLE_TIMEOUT_MS = 10_000;

describe('PostgresEventStore pooled connections', () => {
  let connectionString: string;
  let observer: Client;

  beforeAll(async () => {
    // A database of its own: the count below sees only this suite's store.
    connectionString = await createTestDatabase('eventstore_pool');
    observer = new Client({ connectionString });
    await observer.connect();
  });

  afterAll(async () => {
    await observer.end();
  });

  const openConnections = async (): Promise<number> => {
    const { rows } = await observer.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    return Number(rows[0].count);
  };

  /** Three appends at once: the pool opens three connections. */
  const appendConcurrently = (store: PostgresEventStore) =>
    Promise.all(
      [1, 2, 3].map(() =>
        store.append(applicationStreamId(), [newEvent()], { expectedRevision: 'no_stream' }),
      ),
    );

  const waitFor = async (condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await condition()) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return condition();
  };

  it('keeps idle connections through a lull longer than pg’s ten seconds by default', async () => {
    expect(DEFAULT_IDLE_TIMEOUT_MS).toBeGreaterThan(PG_DEFAULT_IDLE_TIMEOUT_MS);
    const store = await PostgresEventStore.connect({ connectionString });
    try {
      await appendConcurrently(store);
      const opened = await openConnections();
      expect(opened).toBeGreaterThanOrEqual(2);
      await new Promise((resolve) => setTimeout(resolve, PG_DEFAULT_IDLE_TIMEOUT_MS + 1_500));
      expect(await openConnections()).toBe(opened);
    } finally {
      await store.close();
    }
    expect(await waitFor(async () => (await openConnections()) === 0, 5_000)).toBe(true);
  }, 30_000);

  it('closes connections idle for longer than idleTimeoutMillis', async () => {
    const store = await PostgresEventStore.connect({ connectionString, idleTimeoutMillis: 300 });
    try {
      await appendConcurrently(store);
      expect(await openConnections()).toBeGreaterThanOrEqual(2);
      expect(await waitFor(async () => (await openConnections()) === 0, 5_000)).toBe(true);
      // A closed connection is opened again on demand.
      await appendConcurrently(store);
    } finally {
      await store.close();
    }
  });
});
