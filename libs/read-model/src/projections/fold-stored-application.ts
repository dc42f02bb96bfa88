import type { EntityManager } from 'typeorm';
import { evolveApplication, initialApplicationState, type ExistingApplication } from '@l10k/domain';
import type { RecordedEvent } from '@l10k/eventstore';
import { findRows, upsertRows, type RowClass } from '../tables';
import { applicationEventOf } from './application-event';

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
 * `streamRevision`, one row per application, found by `keyProperty`): the rows the batch
 * touches are read once, every event is folded in memory, and each application that moved
 * comes back once with its state after the batch. An event at or below the revision a
 * row (or an earlier event of the batch) reflects is a redelivery and changes nothing.
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
  const ids = [...new Set(found.map(({ applicationId }) => applicationId))];
  const stored = await findRows(manager, entity, table, keyProperty, ids as Row[typeof keyProperty][], [
    'streamRevision',
    'state',
  ]);
  const current = new Map<string, { revision: bigint; state: ExistingApplication | undefined }>(
    stored.map((row) => [
      String(row[keyProperty]),
      { revision: BigInt(row.streamRevision), state: row.state },
    ]),
  );
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
  return [...moved.values()];
}

/**
 * The whole fold of a projection that keeps one folded application per row: fold the
 * batch into the stored states, then write the rows `toRow` makes of the applications that
 * moved, in one statement (a redelivery writes nothing).
 */
export async function upsertFoldedApplications<Row extends FoldedApplicationRow>(
  manager: EntityManager,
  entity: RowClass<Row>,
  table: string,
  keyProperty: keyof Row & string,
  events: readonly RecordedEvent[],
  toRow: (state: ExistingApplication, revision: bigint, occurredAt: string) => Row,
): Promise<void> {
  const moved = await foldStoredApplications(manager, entity, table, keyProperty, events);
  await upsertRows(
    manager,
    entity,
    table,
    moved.map(({ state, revision, occurredAt }) => toRow(state, revision, occurredAt)),
    { newerBy: 'streamRevision' },
  );
}
