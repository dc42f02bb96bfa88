import type { EntityManager } from 'typeorm';
import {
  evolveApplication,
  initialApplicationState,
  type ApplicationEvent,
  type ExistingApplication,
} from '@l10k/domain';
import type { RecordedEvent } from '@l10k/eventstore';
import { findRow, upsertRows, type RowClass } from '../tables';
import { applicationEventOf } from './application-event';

/** A read table that keeps the application's folded state beside the revision it reflects. */
export interface FoldedApplicationRow {
  streamRevision: number;
  state: ExistingApplication;
}

interface StoredState {
  readonly revision: bigint;
  readonly state: ExistingApplication;
}

/**
 * What this transaction has folded so far, per table and application: a batch usually holds
 * several events of one application, and re-reading the row each time would double the
 * round trips. Keyed by the transaction's EntityManager, so it dies with the transaction
 * (and with it anything a rollback undoes).
 */
const foldedInTransaction = new WeakMap<EntityManager, Map<string, StoredState>>();

const cacheKey = (table: string, applicationId: string): string => `${table}\u0000${applicationId}`;

async function storedState<Row extends FoldedApplicationRow>(
  manager: EntityManager,
  entity: RowClass<Row>,
  table: string,
  key: Partial<Row>,
  applicationId: string,
): Promise<StoredState | undefined> {
  let folded = foldedInTransaction.get(manager);
  if (folded === undefined) {
    folded = new Map();
    foldedInTransaction.set(manager, folded);
  }
  const cached = folded.get(cacheKey(table, applicationId));
  if (cached !== undefined) return cached;
  const row = await findRow(manager, entity, table, key, ['streamRevision', 'state']);
  return row === undefined ? undefined : { revision: BigInt(row.streamRevision), state: row.state };
}

/**
 * Folds one more event into the application state a table keeps (`state` beside
 * `streamRevision`, in the row that `key` finds). Undefined when the row already reflects
 * the event (a redelivery) or the event leaves no application behind. The caller writes
 * the returned state to the row in the same transaction.
 */
export async function foldStoredApplication<Row extends FoldedApplicationRow>(
  manager: EntityManager,
  entity: RowClass<Row>,
  table: string,
  key: Partial<Row>,
  applicationId: string,
  event: ApplicationEvent,
  revision: bigint,
): Promise<ExistingApplication | undefined> {
  const stored = await storedState(manager, entity, table, key, applicationId);
  if (stored !== undefined && stored.revision >= revision) return undefined;
  const next = evolveApplication(stored?.state ?? initialApplicationState(), event);
  if (next.status === 'none') return undefined;
  foldedInTransaction.get(manager)?.set(cacheKey(table, applicationId), { revision, state: next });
  return next;
}

/**
 * The whole handler of a projection that keeps one folded application per row: fold the
 * event into the stored state, then write the row `toRow` makes of it (a redelivery, or a
 * revision the row already reflects, writes nothing).
 */
export async function upsertFoldedApplication<Row extends FoldedApplicationRow>(
  manager: EntityManager,
  entity: RowClass<Row>,
  table: string,
  keyOf: (applicationId: string) => Partial<Row>,
  recorded: RecordedEvent,
  toRow: (state: ExistingApplication, revision: bigint, occurredAt: string) => Row,
): Promise<void> {
  const found = applicationEventOf(recorded);
  if (found === undefined) return;
  const { applicationId, event } = found;
  const state = await foldStoredApplication(
    manager,
    entity,
    table,
    keyOf(applicationId),
    applicationId,
    event,
    recorded.revision,
  );
  if (state === undefined) return;
  await upsertRows(manager, entity, table, [toRow(state, recorded.revision, recorded.metadata.occurredAt)], {
    newerBy: 'streamRevision',
  });
}
