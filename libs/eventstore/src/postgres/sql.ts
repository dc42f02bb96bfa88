import type { EventData, EventMetadata } from '../event-store';

// Columns come back as text (no precision loss for bigint/xid8); ORDER BY must therefore
// name the table's columns (events.x), or PostgreSQL sorts by these text outputs.
const EVENT_COLUMNS = `global_position::text, transaction_id::text, stream_id, stream_revision::text, event_id::text, type, data, metadata, recorded_at`;

/** One round trip: checks every expected revision, then inserts (migration EventStoreSchema1732300000000). */
export const APPEND_SQL =
  'SELECT stream_id, stream_revision::text, transaction_id::text, global_position::text FROM eventstore_append($1::jsonb, $2)';

export const FIND_STORED_SQL = `
  SELECT event_id::text, stream_id, stream_revision::text, transaction_id::text, global_position::text
  FROM events WHERE event_id = ANY($1::uuid[])`;

export const READ_HEAD_SQL = 'SELECT revision::text, last_hash FROM streams WHERE stream_id = $1';

// Only rows of transactions older than every running one: their set is final, so the
// (transaction_id, global_position) order never gains an event behind a reader's back.
const READ_ALL_FROM = `FROM events
  WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
    AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY events.transaction_id, events.global_position
  LIMIT $3`;

export const READ_ALL_SQL = `SELECT ${EVENT_COLUMNS} ${READ_ALL_FROM}`;

/**
 * The same rows with only what a projection reads (ProjectedEvent): of the metadata the
 * instant (->> gives the string JSON.parse would) and the schema version, no event id, no
 * recorded_at to parse into a Date.
 */
export const READ_ALL_PROJECTED_SQL = `
  SELECT global_position::text, transaction_id::text, stream_id, stream_revision::text, type, data,
         metadata->>'occurredAt' AS occurred_at, metadata->'schemaVersion' AS schema_version
  ${READ_ALL_FROM}`;

/**
 * One round trip: the stream's head (no row: no such stream) and its events in the range
 * (none, a single row of nulls). The head also tells the appender where to chain on.
 */
export const READ_STREAM_SQL = `
  SELECT s.revision::text AS head_revision, s.last_hash AS head_hash,
         e.global_position::text, e.transaction_id::text, e.stream_id, e.stream_revision::text,
         e.event_id::text, e.type, e.data, e.metadata, e.recorded_at
  FROM streams AS s
  LEFT JOIN events AS e
    ON e.stream_id = s.stream_id AND e.stream_revision >= $2::bigint AND e.stream_revision <= $3::bigint
  WHERE s.stream_id = $1
  ORDER BY e.stream_revision`;

/**
 * Every event in the order it was stored, one page after a global position; a stream's head
 * event comes with the head's recorded hash (null on every other row). This is the table's own
 * order, so the walk reads the heap front to back. (In stream order, a log of 1M events was
 * read at random, one heap page a row: 45-61 s to verify it, most of it waiting on PostgreSQL.)
 * Within one stream, the order is the revisions' (an append inserts under its streams' locks).
 */
export const VERIFY_ALL_SQL = `
  SELECT e.global_position::text, e.stream_id, e.stream_revision::text, e.event_id::text, e.type, e.data,
         e.metadata, s.last_hash AS head_hash
  FROM events AS e LEFT JOIN streams AS s ON s.stream_id = e.stream_id AND s.revision = e.stream_revision
  WHERE e.global_position > $1::bigint
  ORDER BY e.global_position
  LIMIT $2`;

/** The heads of some streams: those a walk in stored order did not end at their head event. */
export const STREAM_HEADS_SQL = `
  SELECT stream_id, revision::text, last_hash FROM streams WHERE stream_id = ANY($1::text[])`;

/** Streams with events past their recorded head: only a tampered store has any. */
export const STREAMS_PAST_THEIR_HEAD_SQL = `
  SELECT s.stream_id FROM streams AS s
  WHERE EXISTS (SELECT 1 FROM events AS e WHERE e.stream_id = s.stream_id AND e.stream_revision > s.revision)`;

/** One stream's events from a revision on, each with the stream's head. */
export const VERIFY_STREAM_SQL = `
  SELECT e.global_position::text, e.stream_id, e.stream_revision::text, e.event_id::text, e.type, e.data,
         e.metadata, s.revision::text AS head_revision, s.last_hash AS head_hash
  FROM events AS e LEFT JOIN streams AS s ON s.stream_id = e.stream_id
  WHERE e.stream_id = $3 AND e.stream_revision > $1::bigint
  ORDER BY e.stream_revision
  LIMIT $2`;

/** The SQLSTATE eventstore_append raises on a wrong expected revision; its detail is a ConflictDetail. */
export const WRONG_REVISION_SQLSTATE = 'ES409';

export interface ConflictDetail {
  streamId: string;
  revision: string | null;
  lastHash: string | null;
}

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  type: string;
  data: EventData;
  metadata: EventMetadata;
  recorded_at: Date;
}

/** A row of READ_ALL_PROJECTED_SQL. */
export interface ProjectedEventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_revision: string;
  type: string;
  data: EventData;
  occurred_at: string;
  schema_version: number;
}

/** A row of READ_STREAM_SQL: the head, with an event or (an empty range) without. */
export type StreamReadRow = { head_revision: string; head_hash: string } & (
  EventRow | { [Column in keyof EventRow]: null }
);

export interface AppendRow {
  stream_id: string;
  stream_revision: string;
  transaction_id: string;
  global_position: string;
}

export interface VerifyRow {
  global_position: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  type: string;
  data: EventData;
  metadata: Record<string, unknown>;
  /** The stream's recorded head hash, on its head event's row (VERIFY_ALL_SQL). */
  head_hash: string | null;
}

/** A row of VERIFY_STREAM_SQL: every event with its stream's head. */
export interface VerifyStreamRow extends VerifyRow {
  head_revision: string | null;
}

export interface StreamHeadRow {
  stream_id: string;
  revision: string;
  last_hash: string;
}
