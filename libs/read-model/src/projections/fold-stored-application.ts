import type { EntityManager } from 'typeorm';
import {
  evolveApplication,
  initialApplicationState,
  type ApplicationEvent,
  type ExistingApplication,
} from '@l10k/domain';

interface StoredState {
  stream_revision: string;
  state: ExistingApplication;
}

/**
 * Folds one more event into the application state a table keeps (`state` jsonb beside
 * `stream_revision`, keyed by `idColumn`). Undefined when the row already reflects the
 * event (a redelivery) or the event leaves no application behind.
 */
export async function foldStoredApplication(
  manager: EntityManager,
  table: string,
  idColumn: string,
  applicationId: string,
  event: ApplicationEvent,
  revision: bigint,
): Promise<ExistingApplication | undefined> {
  const rows: StoredState[] = await manager.query(
    `SELECT stream_revision, state FROM ${table} WHERE ${idColumn} = $1`,
    [applicationId],
  );
  const stored = rows[0];
  if (stored !== undefined && BigInt(stored.stream_revision) >= revision) return undefined;
  const next = evolveApplication(stored?.state ?? initialApplicationState(), event);
  return next.status === 'none' ? undefined : next;
}
