import type { EntityManager } from 'typeorm';
import { postgresCheckpointSql, type RecordedEvent } from '@l10k/eventstore';
import { ApplicationHistoryRow } from '../entities/application-history-entry.entity';
import { arrayLiteral, upsertRows } from '../tables';
import { APPLICATION_STREAM_PREFIX, applicationIdOfStream } from './stream-names';
import { wholeApplicationStream } from './application-stream-routing';
import type { Projection, TableNames } from './projection';

type Tables = 'application_history';

const COLUMNS = [
  'application_id',
  'revision',
  'global_position',
  'checkpoint',
  'event_id',
  'type',
  'occurred_at',
  'recorded_at',
  'actor_sub',
  'actor_role',
  'data',
  'hash',
] as const;

/** The row of an event, from the batch. */
function historyRow(applicationId: string, recorded: RecordedEvent): ApplicationHistoryRow {
  const { metadata } = recorded;
  return {
    applicationId,
    revision: Number(recorded.revision),
    globalPosition: Number(recorded.globalPosition),
    checkpoint: recorded.checkpoint,
    eventId: recorded.eventId,
    type: recorded.type,
    occurredAt: new Date(metadata.occurredAt),
    recordedAt: recorded.recordedAt,
    actorSub: metadata.actor.sub,
    actorRole: metadata.actor.role,
    data: recorded.data,
    hash: metadata.hash,
  };
}

/** Whether the PostgreSQL store's `events` table is in the read models' database (it shares it), per connection. */
const storeTables = new WeakMap<object, Promise<boolean>>();

function hasStoreTable(manager: EntityManager): Promise<boolean> {
  const known = storeTables.get(manager.connection);
  if (known !== undefined) return known;
  const present = manager
    .query("SELECT to_regclass('events') IS NOT NULL AS present")
    .then(([row]: Array<{ present: boolean }>) => row.present);
  storeTables.set(manager.connection, present);
  present.catch(() => storeTables.delete(manager.connection));
  return present;
}

/**
 * A history row's columns as the store's own row of its event (`e`) gives them. The event
 * is known by the batch's columns (`w`): its place, id, type and schema version as read,
 * and its `occurredAt` as the batch turned it into an instant.
 */
const FROM_STORE_ROW: Readonly<Record<(typeof COLUMNS)[number], string>> = {
  application_id: `substr(e.stream_id, ${APPLICATION_STREAM_PREFIX.length + 1})::uuid`,
  revision: 'e.stream_revision',
  global_position: 'e.global_position',
  checkpoint: 'w.checkpoint',
  event_id: 'e.event_id',
  type: 'e.type',
  occurred_at: 'w.occurred_at',
  // As the batch has it: a JavaScript Date keeps milliseconds.
  recorded_at: "date_trunc('milliseconds', e.recorded_at)",
  actor_sub: "e.metadata -> 'actor' ->> 'sub'",
  actor_role: "e.metadata -> 'actor' ->> 'role'",
  data: 'e.data',
  hash: "e.metadata ->> 'hash'",
};

/**
 * Writes the rows of the events that the PostgreSQL store keeps in this database, each
 * row built by the statement from the event's stored row (its data above all, the bulk of
 * a history row and of its write) rather than sent back as JSON and parsed again: only a
 * few short columns per event travel. A stored row stands in only when it is the event as
 * read: the same place in this store's log (its checkpoint), id, type and schema version
 * (an upcaster always raises the version), on an application stream. An event read in
 * another shape than stored is left to the caller, as is every event of another store.
 * Returns the ids of the events it did not cover (neither written now nor there already).
 */
async function copyFromStore(
  manager: EntityManager,
  table: string,
  entries: ReadonlyArray<{ readonly recorded: RecordedEvent }>,
): Promise<Set<string>> {
  const ids = entries.map(({ recorded }) => recorded.eventId);
  if (!(await hasStoreTable(manager))) return new Set(ids);
  const columns = COLUMNS.join(', ');
  const missing: Array<{ event_id: string }> = await manager.query(
    `WITH wanted AS (
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[])
         AS w(global_position, event_id, type, checkpoint, schema_version, occurred_at)
     ), found AS (
       SELECT ${COLUMNS.map((column) => `${FROM_STORE_ROW[column]} AS ${column}`).join(', ')}
         FROM wanted AS w
         JOIN events AS e ON e.global_position = w.global_position AND e.event_id = w.event_id
                         AND e.type = w.type AND e.metadata -> 'schemaVersion' = w.schema_version
                         AND w.checkpoint = ${postgresCheckpointSql('e')}
                         AND starts_with(e.stream_id, '${APPLICATION_STREAM_PREFIX}')
     ), inserted AS (
       INSERT INTO ${table} (${columns}) SELECT ${columns} FROM found
       ON CONFLICT (application_id, revision) DO NOTHING
     )
     SELECT w.event_id::text AS event_id FROM wanted AS w
      WHERE NOT EXISTS (SELECT 1 FROM found WHERE found.event_id = w.event_id)`,
    [
      arrayLiteral(entries.map(({ recorded }) => recorded.globalPosition.toString())),
      arrayLiteral(ids),
      arrayLiteral(entries.map(({ recorded }) => recorded.type)),
      arrayLiteral(entries.map(({ recorded }) => recorded.checkpoint)),
      // A version missing from a stored event (JSON.stringify gives undefined) is NULL: that event is never taken from the store.
      arrayLiteral(entries.map(({ recorded }) => JSON.stringify(recorded.metadata.schemaVersion) ?? null)),
      arrayLiteral(entries.map(({ recorded }) => new Date(recorded.metadata.occurredAt).toISOString())),
    ],
  );
  return new Set(missing.map((row) => row.event_id));
}

/** Every event of every application stream, with its place in the log and its hash (the audit trail). */
export const applicationHistoryProjection: Projection<Tables> = {
  name: 'application_history',
  tables: ['application_history'],
  events: wholeApplicationStream,
  async project(
    manager: EntityManager,
    events: readonly RecordedEvent[],
    tables: TableNames<Tables>,
  ): Promise<void> {
    // An event is a fact: a redelivery finds it there already. One row per (application, revision).
    const entries = new Map<string, { applicationId: string; recorded: RecordedEvent }>();
    for (const recorded of events) {
      const applicationId = applicationIdOfStream(recorded.streamId);
      if (applicationId === undefined) continue;
      const key = `${applicationId}/${recorded.revision}`;
      if (!entries.has(key)) entries.set(key, { applicationId, recorded });
    }
    if (entries.size === 0) return;
    const table = tables.application_history;
    const uncovered = await copyFromStore(manager, table, [...entries.values()]);
    const rest = [...entries.values()].filter(({ recorded }) => uncovered.has(recorded.eventId));
    await upsertRows(
      manager,
      ApplicationHistoryRow,
      table,
      rest.map(({ applicationId, recorded }) => historyRow(applicationId, recorded)),
      'keep',
    );
  },
};
