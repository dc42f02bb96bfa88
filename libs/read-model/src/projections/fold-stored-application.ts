import type { EntityManager } from 'typeorm';
import { evolveApplication, initialApplicationState, type ExistingApplication } from '@l10k/domain';
import type { RecordedEvent } from '@l10k/eventstore';
import { findRows, type RowClass } from '../tables';
import { applicationEventOf } from './application-event';
import { foldedStatesOf } from './folded-states';

/** A read table that keeps the application's folded state beside the revision it reflects. */
export interface FoldedApplicationRow {
  streamRevision: number;
  state: ExistingApplication;
}

/** An application a batch moved on: its state after the batch, and the last event folded in. */
export interface FoldedApplication {
  readonly applicationId: string;
  readonly state: ExistingApplication;
  readonly revision: bigint;
  readonly occurredAt: string;
}

/**
 * Folds a batch into the application states a table keeps (`state` beside
 * `streamRevision`, one row per application, found by `keyProperty`): the revisions of the
 * rows the batch touches are read once, their states come from the fold kept in memory
 * (folded-states.ts) or, when it is not kept, from the table, every event is folded in
 * memory, and each application that moved comes back once with its state after the batch.
 * An event at or below the revision a row (or an earlier event of the batch) reflects is a
 * redelivery and changes nothing.
 */
export async function foldStoredApplications<Row extends FoldedApplicationRow>(
  manager: EntityManager,
  entity: RowClass<Row>,
  table: string,
  keyProperty: keyof Row & string,
  events: readonly RecordedEvent[],
): Promise<FoldedApplication[]> {
  const found = events.flatMap((recorded) => {
    const onStream = applicationEventOf(recorded);
    return onStream === undefined ? [] : [{ ...onStream, recorded }];
  });
  if (found.length === 0) return [];
  const memo = foldedStatesOf(manager.connection, table);
  const ids = [...new Set(found.map(({ applicationId }) => applicationId))];
  const stored = await findRows(manager, entity, table, keyProperty, ids as Row[typeof keyProperty][], [
    'streamRevision',
  ]);
  const current = new Map<string, { revision: bigint; state: ExistingApplication | undefined }>();
  const unknown: string[] = [];
  for (const row of stored) {
    const applicationId = String(row[keyProperty]);
    const revision = BigInt(row.streamRevision);
    const state = memo.stateAt(applicationId, revision);
    if (state === undefined) unknown.push(applicationId);
    current.set(applicationId, { revision, state });
  }
  if (unknown.length > 0) {
    const states = await findRows(manager, entity, table, keyProperty, unknown as Row[typeof keyProperty][], [
      'streamRevision',
      'state',
    ]);
    for (const row of states)
      current.set(String(row[keyProperty]), { revision: BigInt(row.streamRevision), state: row.state });
  }
  const moved = new Map<string, FoldedApplication>();
  for (const { applicationId, event, recorded } of found) {
    const before = current.get(applicationId);
    if (before !== undefined && before.revision >= recorded.revision) continue;
    const next = evolveApplication(before?.state ?? initialApplicationState(), event);
    if (next.status === 'none') continue;
    current.set(applicationId, { revision: recorded.revision, state: next });
    moved.set(applicationId, {
      applicationId,
      state: next,
      revision: recorded.revision,
      occurredAt: recorded.metadata.occurredAt,
    });
  }
  for (const { applicationId, revision, state } of moved.values()) memo.keep(applicationId, revision, state);
  return [...moved.values()];
}
