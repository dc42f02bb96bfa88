import { Client } from 'pg';
import { createTestDatabase } from '../../../../test/test-database';
import { applicationStreamId, newEvent } from '../../test/event-fixtures';
import { WrongExpectedRevisionError, type RecordedEvent } from '../index';
import { chainEvents, GENESIS_HASH } from '../hash-chain';
import { PostgresEventStore } from './postgres-event-store';

const WRITERS = 20;
const APPENDS_PER_WRITER = 25;
const SHARED_STREAMS = 4;

async function readAllFrom(store: PostgresEventStore, from?: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const batch of store.readAll({ from, batchSize: 37 })) events.push(...batch);
  return events;
}

describe('PostgresEventStore under concurrent writers', () => {
  let connectionString: string;
  let store: PostgresEventStore;
  let sql: Client;

  beforeAll(async () => {
    connectionString = await createTestDatabase('eventstore_concurrency');
    store = await PostgresEventStore.connect({ connectionString, poolSize: 16 });
    sql = new Client({ connectionString });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await store?.close();
  });

  it('a live subscriber sees every committed event exactly once, in a stable order; losers leave no trace', async () => {
    const shared = Array.from({ length: SHARED_STREAMS }, applicationStreamId);
    const committed: string[] = [];
    const lost: string[] = [];

    const controller = new AbortController();
    const seen: RecordedEvent[] = [];
    let expectedTotal = Number.POSITIVE_INFINITY;
    const subscriber = (async () => {
      for await (const event of store.subscribe({ signal: controller.signal, batchSize: 50 })) {
        seen.push(event);
        if (seen.length >= expectedTotal) controller.abort();
      }
    })();

    // Half the writers own a stream; the other half fight over a few shared ones with
    // optimistic concurrency, learning the actual revision from each refusal.
    const writer = async (index: number) => {
      const streamId = index % 2 === 0 ? applicationStreamId() : shared[index % SHARED_STREAMS];
      let believed: bigint | 'no_stream' = 'no_stream';
      for (let attempt = 0; attempt < APPENDS_PER_WRITER; attempt += 1) {
        const event = newEvent('Counted', { writer: index, attempt });
        try {
          const result = await store.append(streamId, [event], { expectedRevision: believed });
          believed = result.nextRevision;
          committed.push(event.eventId);
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
          believed = error.actual;
          lost.push(event.eventId);
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index)));
    expectedTotal = committed.length;
    if (seen.length >= expectedTotal) controller.abort();
    const timeout = setTimeout(() => controller.abort(), 30_000);
    await subscriber;
    clearTimeout(timeout);

    expect(committed.length + lost.length).toBe(WRITERS * APPENDS_PER_WRITER);
    expect(lost.length).toBeGreaterThan(0);

    // Exactly once, none skipped.
    const seenIds = seen.map((event) => event.eventId);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect([...seenIds].sort()).toEqual([...committed].sort());

    // Stable: a full read afterwards gives the very same order, and per stream the revisions count up.
    expect((await readAllFrom(store)).map((event) => event.eventId)).toEqual(seenIds);
    const lastRevision = new Map<string, bigint>();
    for (const event of seen) {
      expect(event.revision).toBe((lastRevision.get(event.streamId) ?? -1n) + 1n);
      lastRevision.set(event.streamId, event.revision);
    }

    // Losers left no row and drew no sequence value: positions are exactly 1..successes.
    const { rows } = await sql.query<{ count: number; min: string; max: string; lost: number }>(
      `SELECT count(*)::int AS count, min(global_position)::text AS min, max(global_position)::text AS max,
              count(*) FILTER (WHERE event_id = ANY($1::uuid[]))::int AS lost
       FROM events`,
      [lost],
    );
    expect(rows[0]).toEqual({ count: committed.length, min: '1', max: String(committed.length), lost: 0 });
    expect((await store.verifyAll()).ok).toBe(true);
  });

  it('a reader never passes an event whose transaction is still open, so it cannot skip it', async () => {
    const slowStream = applicationStreamId();
    const fastStream = applicationStreamId();
    const [start] = (await readAllFrom(store)).slice(-1);

    // The slow writer draws its global position first and keeps its transaction open.
    const slow = newEvent('Slow');
    const [chained] = chainEvents(slowStream, -1n, GENESIS_HASH, [slow]);
    await sql.query('BEGIN');
    await sql.query('SELECT * FROM eventstore_append($1::jsonb)', [
      JSON.stringify([
        {
          streamId: slowStream,
          expected: '-1',
          prevHash: GENESIS_HASH,
          lastHash: chained.metadata.hash,
          events: [{ ...chained, revision: undefined }],
        },
      ]),
    ]);
    const fast = await store.append(fastStream, [newEvent('Fast')], { expectedRevision: 'no_stream' });

    // Only these two streams count: the read frontier is cluster-wide, so a transaction of
    // another suite on the same test server may hold back events of the earlier test too.
    const ours = async (): Promise<RecordedEvent[]> =>
      (await readAllFrom(store, start?.checkpoint)).filter(
        (event) => event.streamId === slowStream || event.streamId === fastStream,
      );

    // The fast event is committed with a later position, but an ORDER BY global_position reader
    // would now move past the slow one's position; ours must not show the fast event yet.
    expect((await ours()).map((event) => event.streamId)).toEqual([]);

    await sql.query('COMMIT');
    let afterCommit = await ours();
    for (const deadline = Date.now() + 10_000; afterCommit.length < 2 && Date.now() < deadline;)
      afterCommit = await new Promise<RecordedEvent[]>((resolve) => setTimeout(() => resolve(ours()), 50));
    expect(afterCommit.map((event) => event.streamId)).toEqual([slowStream, fastStream]);
    expect(afterCommit[0].globalPosition).toBeLessThan(afterCommit[1].globalPosition);
    expect(afterCommit[1].checkpoint).toBe(fast.position);
  });
});
