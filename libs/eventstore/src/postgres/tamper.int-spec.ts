import { Client } from 'pg';
import { createTestDatabase } from '../../../../test/test-database';
import { applicationStreamId, newEvents } from '../../test/event-fixtures';
import { PostgresEventStore } from './postgres-event-store';

describe('PostgresEventStore verification against tampering in SQL', () => {
  let store: PostgresEventStore;
  let sql: Client;

  beforeAll(async () => {
    const connectionString = await createTestDatabase('eventstore_tamper');
    store = await PostgresEventStore.connect({ connectionString });
    sql = new Client({ connectionString });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await store?.close();
  });

  async function streamOf(events: number): Promise<string> {
    const streamId = applicationStreamId();
    await store.append(streamId, newEvents(events), { expectedRevision: 'no_stream' });
    return streamId;
  }

  it('names the changed, the deleted, the swapped and the truncated stream, each at its first broken link', async () => {
    const intact = await streamOf(4);
    const changed = await streamOf(4);
    const deleted = await streamOf(4);
    const swapped = await streamOf(4);
    const truncated = await streamOf(4);
    expect((await store.verifyAll()).ok).toBe(true);

    await sql.query(
      `UPDATE events SET data = jsonb_set(data, '{index}', '99') WHERE stream_id = $1 AND stream_revision = 2`,
      [changed],
    );
    await sql.query(`DELETE FROM events WHERE stream_id = $1 AND stream_revision = 1`, [deleted]);
    await sql.query(
      `UPDATE events AS e SET data = o.data, metadata = o.metadata
       FROM events AS o
       WHERE e.stream_id = $1 AND o.stream_id = $1 AND e.stream_revision IN (1, 2) AND o.stream_revision = 3 - e.stream_revision`,
      [swapped],
    );
    await sql.query(`DELETE FROM events WHERE stream_id = $1 AND stream_revision = 3`, [truncated]);

    const changedEventId = (await store.readStream(changed))[2].eventId;
    const swappedEventId = (await store.readStream(swapped))[1].eventId;
    const report = await store.verifyAll();
    expect(report.ok).toBe(false);
    expect(report.eventsChecked).toBe(4 * 5 - 2);
    expect(report.streamsChecked).toBe(5);
    expect([...report.failures].sort((a, b) => a.streamId.localeCompare(b.streamId))).toEqual(
      [
        { streamId: changed, revision: 2n, eventId: changedEventId, reason: 'hash_mismatch' },
        { streamId: deleted, revision: 1n, reason: 'revision_gap' },
        // Revision 1 now holds revision 2's content, whose prevHash points at the wrong event.
        { streamId: swapped, revision: 1n, eventId: swappedEventId, reason: 'prev_hash_mismatch' },
        { streamId: truncated, revision: 3n, reason: 'head_mismatch' },
      ].sort((a, b) => a.streamId.localeCompare(b.streamId)),
    );
    expect(report.failures.some((failure) => failure.streamId === intact)).toBe(false);

    expect(await store.verifyStream(changed)).toEqual({
      streamsChecked: 1,
      eventsChecked: 4,
      ok: false,
      failures: [{ streamId: changed, revision: 2n, eventId: changedEventId, reason: 'hash_mismatch' }],
    });
    expect((await store.verifyStream(intact)).ok).toBe(true);
  });

  it('names a stream with an event written past its head, as the walk of that stream alone does', async () => {
    const pastHead = await streamOf(4);
    const headless = await streamOf(2);
    // Revision 4 added by hand, the head row left at 3; and a stream whose head row is gone.
    await sql.query(
      `INSERT INTO events (stream_id, stream_revision, event_id, type, data, metadata)
       SELECT stream_id, 4, gen_random_uuid(), type, data, metadata FROM events WHERE stream_id = $1 AND stream_revision = 3`,
      [pastHead],
    );
    await sql.query(`DELETE FROM streams WHERE stream_id = $1`, [headless]);
    const added = (await store.readStream(pastHead))[4].eventId;
    const { rows } = await sql.query<{ streams: number; events: number }>(
      `SELECT count(DISTINCT stream_id)::int AS streams, count(*)::int AS events FROM events`,
    );

    const report = await store.verifyAll();

    // Every stream and event counted once, the stream past its head included.
    expect(report.streamsChecked).toBe(rows[0].streams);
    expect(report.eventsChecked).toBe(rows[0].events);
    // Its copy of revision 3 does not link onto revision 3.
    expect(report.failures.filter((failure) => failure.streamId === pastHead)).toEqual([
      { streamId: pastHead, revision: 4n, eventId: added, reason: 'prev_hash_mismatch' },
    ]);
    expect((await store.verifyStream(pastHead)).failures).toEqual([
      { streamId: pastHead, revision: 4n, eventId: added, reason: 'prev_hash_mismatch' },
    ]);
    // Without a head row there is no end to compare the chain with: its links still hold.
    expect(report.failures.some((failure) => failure.streamId === headless)).toBe(false);
  });

  it('detects a swap of whole hashes too: content and hash no longer match', async () => {
    const streamId = await streamOf(3);
    await sql.query(
      `UPDATE events AS e SET metadata = jsonb_set(e.metadata, '{hash}', o.metadata->'hash')
       FROM events AS o
       WHERE e.stream_id = $1 AND o.stream_id = $1 AND e.stream_revision IN (0, 1) AND o.stream_revision = 1 - e.stream_revision`,
      [streamId],
    );
    const report = await store.verifyStream(streamId);
    expect(report.failures).toEqual([
      expect.objectContaining({ streamId, revision: 0n, reason: 'hash_mismatch' }),
    ]);
  });

  it('verifies across the 1,000-row pages of its walk and still finds a break in a later page', async () => {
    const streams = await Promise.all(Array.from({ length: 30 }, () => streamOf(40)));
    // The walk reads in stored order: the stream written last ends on its last page.
    const {
      rows: [writtenLast],
    } = await sql.query<{ stream_id: string }>(
      `SELECT stream_id FROM events WHERE stream_id = ANY($1) ORDER BY global_position DESC LIMIT 1`,
      [streams],
    );
    const lastStream = writtenLast.stream_id;
    await sql.query(`UPDATE events SET type = 'Forged' WHERE stream_id = $1 AND stream_revision = 39`, [
      lastStream,
    ]);
    const { rows } = await sql.query<{ total: number; before: number }>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE global_position <
                (SELECT global_position FROM events WHERE stream_id = $1 AND stream_revision = 39))::int AS before
       FROM events`,
      [lastStream],
    );
    // The forged row sits beyond the first page, so only a paged walk that carries state across pages finds it.
    expect(rows[0].before).toBeGreaterThan(1_000);
    const report = await store.verifyAll();
    expect(report.eventsChecked).toBe(rows[0].total);
    expect(report.failures.filter((failure) => streams.includes(failure.streamId))).toEqual([
      expect.objectContaining({ streamId: lastStream, revision: 39n, reason: 'hash_mismatch' }),
    ]);
  });
});
