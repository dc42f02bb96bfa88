import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import { ChainVerifier, type StoredEvent, type StreamHead } from '../chain-verifier';
import { StreamNotFoundError } from '../errors';
import { inTurns } from '../in-turns';
import type { IntegrityFailure, VerificationReport, VerifyOptions } from '../event-store';
import { fresh } from '@l10k/rules';
import { mapPostgresError } from './postgres-errors';
import {
  STREAM_HEADS_SQL,
  STREAMS_PAST_THEIR_HEAD_SQL,
  VERIFY_ALL_SQL,
  VERIFY_STREAM_SQL,
  type StreamHeadRow,
  type VerifyRow,
  type VerifyStreamRow,
} from './sql';

const BATCH_SIZE = 1_000;

/**
 * Recomputes the hash chains of one stream (or all, when `streamId` is undefined) and
 * checks each stream's head row against its last event, in one snapshot: concurrent
 * appends cannot look like broken heads.
 */
export async function verifyChains(
  pool: Pool,
  streamId: string | undefined,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  const { signal } = options;
  const verifier = new ChainVerifier();
  let connection: PoolClient | undefined;
  let failed = false;
  try {
    signal?.throwIfAborted();
    connection = await pool.connect();
    await connection.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    if (streamId === undefined) await walkEverything(connection, verifier, options);
    else await walkStream(connection, verifier, streamId);
    await connection.query('COMMIT');
  } catch (error) {
    failed = true;
    throw signal?.aborted ? signal.reason : mapPostgresError(error);
  } finally {
    // A walk that failed leaves its transaction open, or a page still being read: that
    // connection is closed, not handed to the next request.
    connection?.release(failed);
  }
  const report = verifier.report();
  if (streamId !== undefined && report.streamsChecked === 0) throw new StreamNotFoundError(streamId);
  return streamId === undefined ? { ...fresh, ...report, failures: byStream(report.failures) } : report;
}

/** A head as PostgreSQL sends it (the revision as text), or none: the stream has no head row. */
const headOf = (revision: string | null, lastHash: string | null): StreamHead | undefined =>
  revision === null ? undefined : { revision: BigInt(revision), lastHash: lastHash ?? '' };

/**
 * Every event in stored order, each chain followed as its events come and ended at its head
 * event: the verifier holds a small state only for the streams the walk is in the middle of.
 * A stream whose head event never comes (truncated, or with no head row) is ended against its
 * head after the walk. One with events past its head (only a tampered store has any) is walked
 * on its own: ended at its head, what follows would be taken for a new chain.
 */
async function walkEverything(
  client: PoolClient,
  verifier: ChainVerifier,
  { signal, onChecked }: VerifyOptions,
): Promise<void> {
  const { rows: pastTheirHead } = await client.query<{ stream_id: string }>(STREAMS_PAST_THEIR_HEAD_SQL);
  const apart = new Set(pastTheirHead.map((row) => row.stream_id));
  for await (const rows of pagesOf<VerifyRow>(client, VERIFY_ALL_SQL, (last) => [
    last?.global_position ?? '-1',
    BATCH_SIZE,
  ])) {
    await inTurns(
      rows,
      (row) => {
        if (apart.has(row.stream_id)) return;
        const event = storedEvent(row);
        verifier.add(event);
        if (row.head_hash !== null)
          verifier.endStream(row.stream_id, { revision: event.revision, lastHash: row.head_hash });
      },
      signal,
    );
    onChecked?.(rows.length);
  }
  const unended = verifier.openStreams();
  const { rows: heads } = await client.query<StreamHeadRow>(STREAM_HEADS_SQL, [unended]);
  const headById = new Map(heads.map((head) => [head.stream_id, head]));
  for (const streamId of unended) {
    const head = headById.get(streamId);
    verifier.endStream(streamId, headOf(head?.revision ?? null, head?.last_hash ?? null));
  }
  for (const streamId of apart) await walkStream(client, verifier, streamId, signal);
}

async function walkStream(
  client: PoolClient,
  verifier: ChainVerifier,
  streamId: string,
  signal?: AbortSignal,
): Promise<void> {
  let head: StreamHead | undefined;
  for await (const rows of pagesOf<VerifyStreamRow>(client, VERIFY_STREAM_SQL, (last) => [
    last?.stream_revision ?? '-1',
    BATCH_SIZE,
    streamId,
  ]))
    await inTurns(
      rows,
      (row) => {
        head = headOf(row.head_revision, row.head_hash);
        verifier.add(storedEvent(row));
      },
      signal,
    );
  verifier.endStream(streamId, head);
}

/**
 * The rows of a keyset-paged statement, a page at a time: the next page is asked for before
 * this one is handed over, so PostgreSQL reads it while the caller hashes.
 */
async function* pagesOf<Row extends QueryResultRow>(
  client: PoolClient,
  text: string,
  valuesAfter: (last: Row | undefined) => unknown[],
): AsyncGenerator<Row[]> {
  let next: Promise<QueryResult<Row>> | undefined = client.query<Row>(text, valuesAfter(undefined));
  while (next !== undefined) {
    const { rows }: QueryResult<Row> = await next;
    next = rows.length < BATCH_SIZE ? undefined : client.query<Row>(text, valuesAfter(rows[rows.length - 1]));
    next?.catch(() => undefined);
    yield rows;
  }
}

const storedEvent = (row: VerifyRow): StoredEvent => ({
  streamId: row.stream_id,
  revision: BigInt(row.stream_revision),
  eventId: row.event_id,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
});

/** Failures stream by stream (a stream's own stay in the order found), whatever order the walk met them in. */
const byStream = (failures: readonly IntegrityFailure[]): IntegrityFailure[] =>
  [...failures].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
