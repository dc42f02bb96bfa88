import type { EntityManager } from 'typeorm';
import {
  evolveApplication,
  initialApplicationState,
  type ApplicationEvent,
  type ExistingApplication,
} from '@l10k/domain';

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

async function storedState(
  manager: EntityManager,
  table: string,
  idColumn: string,
  applicationId: string,
): Promise<StoredState | undefined> {
  let folded = foldedInTransaction.get(manager);
  if (folded === undefined) {
    folded = new Map();
    foldedInTransaction.set(manager, folded);
  }
  const key = `${table}\u0000${applicationId}`;
  const cached = folded.get(key);
  if (cached !== undefined) return cached;
  const rows: Array<{ stream_revision: string; state: ExistingApplication }> = await manager.query(
    `SELECT stream_revision, state FROM ${table} WHERE ${idColumn} = $1`,
    [applicationId],
  );
  return rows[0] === undefined
    ? undefined
    : { revision: BigInt(rows[0].stream_revision), state: rows[0].state };
}

/**
 * Folds one more event into the application state a table keeps (`state` jsonb beside
 * `stream_revision`, keyed by `idColumn`). Undefined when the row already reflects the
 * event (a redelivery) or the event leaves no application behind. The caller writes the
 * returned state to the row in the same transaction.
 */
export async function foldStoredApplication(
  manager: EntityManager,
  table: string,
  idColumn: string,
  applicationId: string,
  event: ApplicationEvent,
  revision: bigint,
): Promise<ExistingApplication | undefined> {
  const stored = await storedState(manager, table, idColumn, applicationId);
  if (stored !== undefined && stored.revision >= revision) return undefined;
  const next = evolveApplication(stored?.state ?? initialApplicationState(), event);
  if (next.status === 'none') return undefined;
  foldedInTransaction.get(manager)?.set(`${table}\u0000${applicationId}`, { revision, state: next });
  return next;
}
