import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@l10k/eventstore';
import { ApplicationHistoryRow } from '../entities/application-history-entry.entity';
import { rowsAsJson, upsertRows } from '../tables';
import { applicationIdOfStream } from './stream-names';
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
];

/** The row of an event; without its `data` when the statement takes it from the store's own row. */
function historyRow(
  applicationId: string,
  recorded: RecordedEvent,
  withData: boolean,
): ApplicationHistoryRow {
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
    data: withData ? recorded.data : {},
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
 * Writes the rows of the events that the PostgreSQL store keeps in this database, each
 * event's `data` copied from its stored row rather than sent back as JSON and parsed again
 * (the bulk of a history row and of its write). A stored row stands in only when its type
 * and schema version are the event's as read: an upcaster always raises the version, so an
 * event read in another shape than stored is left to the caller, as is every event of
 * another store. Returns the ids of the events it covered (written now, or there already).
 */
async function copyFromStore(
  manager: EntityManager,
  table: string,
  rows: readonly ApplicationHistoryRow[],
  schemaVersions: Readonly<Record<string, number>>,
): Promise<Set<string>> {
  if (!(await hasStoreTable(manager))) return new Set();
  const selected = COLUMNS.map((column) => (column === 'data' ? 'e.data' : `r.${column}`)).join(', ');
  const found: Array<{ event_id: string }> = await manager.query(
    `WITH found AS (
       SELECT ${selected}
         FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb) AS r
         JOIN events AS e ON e.event_id = r.event_id AND e.type = r.type
                         AND e.metadata -> 'schemaVersion' = $2::jsonb -> (r.event_id::text)
     ), inserted AS (
       INSERT INTO ${table} (${COLUMNS.join(', ')}) SELECT ${COLUMNS.join(', ')} FROM found
       ON CONFLICT (application_id, revision) DO NOTHING
     )
     SELECT event_id::text AS event_id FROM found`,
    [rowsAsJson(manager, ApplicationHistoryRow, rows), JSON.stringify(schemaVersions)],
  );
  return new Set(found.map((row) => row.event_id));
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
    const copied = await copyFromStore(
      manager,
      table,
      [...entries.values()].map(({ applicationId, recorded }) => historyRow(applicationId, recorded, false)),
      Object.fromEntries(
        [...entries.values()].map(({ recorded }) => [recorded.eventId, recorded.metadata.schemaVersion]),
      ),
    );
    const rest = [...entries.values()].filter(({ recorded }) => !copied.has(recorded.eventId));
    await upsertRows(
      manager,
      ApplicationHistoryRow,
      table,
      rest.map(({ applicationId, recorded }) => historyRow(applicationId, recorded, true)),
      'keep',
    );
  },
};
