import type { Pool, PoolClient, QueryResult } from 'pg';
import { ChainVerifier } from '../chain-verifier';
import { StreamNotFoundError } from '../errors';
import type { VerificationReport } from '../event-store';
import { mapPostgresError } from './postgres-errors';
import { VERIFY_ALL_SQL, VERIFY_STREAM_SQL, type VerifyRow } from './sql';

const BATCH_SIZE = 1_000;

/**
 * Recomputes the hash chains of one stream (or all, when `streamId` is undefined) and
 * checks each stream's head row against its last event.
 */
export async function verifyChains(pool: Pool, streamId: string | undefined): Promise<VerificationReport> {
  const verifier = new ChainVerifier();
  const text = streamId === undefined ? VERIFY_ALL_SQL : VERIFY_STREAM_SQL;
  let connection: PoolClient | undefined;
  let failed = false;
  try {
    connection = await pool.connect();
    const client = connection;
    const page = (after: readonly [string, string]): Promise<QueryResult<VerifyRow>> =>
      client.query<VerifyRow>(text, [...after, BATCH_SIZE, ...(streamId === undefined ? [] : [streamId])]);
    // One snapshot for the whole walk, so concurrent appends cannot look like broken heads.
    await connection.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let current: { streamId: string; head?: { revision: bigint; lastHash: string } } | undefined;
    let next: Promise<QueryResult<VerifyRow>> | undefined = page(
      streamId === undefined ? ['', '-1'] : [streamId, '-1'],
    );
    while (next !== undefined) {
      const { rows }: QueryResult<VerifyRow> = await next;
      // The next page is asked for before this one is hashed: PostgreSQL reads it meanwhile.
      const last = rows[rows.length - 1];
      next = rows.length < BATCH_SIZE ? undefined : page([last.stream_id, last.stream_revision]);
      next?.catch(() => undefined);
      for (const row of rows) {
        if (current && current.streamId !== row.stream_id) verifier.endStream(current.streamId, current.head);
        current = {
          streamId: row.stream_id,
          head:
            row.head_revision === null
              ? undefined
              : { revision: BigInt(row.head_revision), lastHash: row.head_hash ?? '' },
        };
        verifier.add({
          streamId: row.stream_id,
          revision: BigInt(row.stream_revision),
          eventId: row.event_id,
          type: row.type,
          data: row.data,
          metadata: row.metadata,
        });
      }
    }
    if (current) verifier.endStream(current.streamId, current.head);
    await connection.query('COMMIT');
  } catch (error) {
    failed = true;
    throw mapPostgresError(error);
  } finally {
    // A walk that failed leaves its transaction open, or a page still being read: that
    // connection is closed, not handed to the next request.
    connection?.release(failed);
  }
  const report = verifier.report();
  if (streamId !== undefined && report.streamsChecked === 0) throw new StreamNotFoundError(streamId);
  return report;
}
