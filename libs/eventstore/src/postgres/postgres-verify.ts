import type { Pool, PoolClient } from 'pg';
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
  let after: [string, string] = streamId === undefined ? ['', '-1'] : [streamId, '-1'];
  let connection: PoolClient | undefined;
  try {
    connection = await pool.connect();
    // One snapshot for the whole walk, so concurrent appends cannot look like broken heads.
    await connection.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const text = streamId === undefined ? VERIFY_ALL_SQL : VERIFY_STREAM_SQL;
    let current: { streamId: string; head?: { revision: bigint; lastHash: string } } | undefined;
    for (;;) {
      const values: unknown[] = [after[0], after[1], BATCH_SIZE];
      if (streamId !== undefined) values.push(streamId);
      const { rows } = await connection.query<VerifyRow>(text, values);
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
      if (rows.length < BATCH_SIZE) break;
      const last = rows[rows.length - 1];
      after = [last.stream_id, last.stream_revision];
    }
    if (current) verifier.endStream(current.streamId, current.head);
    await connection.query('COMMIT');
  } catch (error) {
    throw mapPostgresError(error);
  } finally {
    connection?.release();
  }
  const report = verifier.report();
  if (streamId !== undefined && report.streamsChecked === 0) throw new StreamNotFoundError(streamId);
  return report;
}
