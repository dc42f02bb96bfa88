import { Client } from 'pg';
import { freePort } from '@l10k/database';
import { createTestDatabase } from '../../../../test/test-database';
import { applicationStreamId, newEvent } from '../../test/event-fixtures';
import { EventStoreUnavailableError } from '../errors';
import { PostgresEventStore } from './postgres-event-store';

describe('PostgresEventStore when the database is out of reach', () => {
  it('reports a refused connection as EventStoreUnavailableError, fast', async () => {
    const started = Date.now();
    const error = await PostgresEventStore.connect({
      connectionString: `postgres://postgres:postgres@127.0.0.1:${await freePort()}/none`,
      connectionTimeoutMillis: 2_000,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(error).toMatchObject({ code: 'event_store_unavailable' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('reports an append whose connection is terminated mid-transaction as unavailable and writes nothing', async () => {
    const connectionString = await createTestDatabase('eventstore_unavailable');
    const store = await PostgresEventStore.connect({ connectionString });
    const locker = new Client({ connectionString });
    await locker.connect();
    try {
      const streamId = applicationStreamId();
      const first = await store.append(streamId, [newEvent()], { expectedRevision: 'no_stream' });
      // Hold the stream row so the next append stops inside its transaction, then kill its backend there.
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM streams WHERE stream_id = $1 FOR UPDATE', [streamId]);
      const stuck = newEvent('Stuck');
      const appending = store
        .append(streamId, [stuck], { expectedRevision: first.nextRevision })
        .catch((caught: unknown) => caught);
      let terminated = 0;
      // Up to 15 s for the append to reach its lock wait: a loaded machine can take seconds.
      for (let attempt = 0; attempt < 750 && terminated === 0; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        // Inside a transaction, PostgreSQL shows the sessions and their queries as they were at the
        // first look: an append that opened a new connection after it was never seen (failed in CI).
        await locker.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await locker.query<{ terminated: boolean }>(
          `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
           WHERE query LIKE '%eventstore_append%' AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        terminated = rows.length;
      }
      expect(terminated).toBe(1);
      const error = await appending;
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      await locker.query('ROLLBACK');

      const { rows } = await locker.query<{ events: number; revision: string }>(
        `SELECT (SELECT count(*)::int FROM events WHERE stream_id = $1) AS events, (SELECT revision::text FROM streams WHERE stream_id = $1) AS revision`,
        [streamId],
      );
      expect(rows[0]).toEqual({ events: 1, revision: '0' });
      // The store recovers on the next call; the same event ids are still free to use.
      expect((await store.append(streamId, [stuck], { expectedRevision: 0 })).nextRevision).toBe(1n);
    } finally {
      await locker.end();
      await store.close();
    }
  });
});
