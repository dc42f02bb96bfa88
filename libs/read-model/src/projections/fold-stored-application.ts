import type { EntityManager } from 'typeorm';
import {
  applicationStreamId,
  evolveApplication,
  foldApplication,
  initialApplicationState,
  type ApplicationEvent,
  type ExistingApplication,
} from '@l10k/domain';
import type { ProjectedEvent } from '@l10k/eventstore';
import { findRows, type RowClass } from '../tables';
import { applicationEventOf } from './application-event';
import { foldedStatesOf } from './folded-states';
import type { StreamReader } from './projection';
import { fresh } from '@l10k/rules';

/** A read table with one row per application, which remembers the revision of the stream it reflects. */
export interface FoldedApplicationRow {
  streamRevision: number;
}

/** An application a batch moved on: its state after the batch, and the last event folded in. */
export interface FoldedApplication {
  readonly applicationId: string;
  readonly state: ExistingApplication;
  readonly revision: bigint;
  readonly occurredAt: string;
}

interface Folding {
  revision: bigint;
  state: ExistingApplication | undefined;
}

/**
 * Folds the event at `revision` into the application's fold when it comes after the
 * revision the fold reflects (an event at or below it is a redelivery and changes
 * nothing); true when the fold moved.
 */
function foldIn(folding: Folding, revision: bigint, event: ApplicationEvent): boolean {
  if (folding.revision >= revision) return false;
  const next = evolveApplication(folding.state ?? initialApplicationState(), event);
  if (next.status === 'none') return false;
  folding.revision = revision;
  folding.state = next;
  return true;
}

/**
 * The application's state after exactly `revision`, folded from its stream as the log holds
 * it (the domain's own fold, as the write side and an auditor's state-as-of use it).
 */
async function foldedFromStream(
  streams: StreamReader,
  applicationId: string,
  revision: bigint,
): Promise<ExistingApplication> {
  const streamId = applicationStreamId(applicationId);
  const recorded = await streams.readStream(streamId, { toRevision: revision });
  const state = foldApplication(recorded as unknown as readonly ApplicationEvent[]);
  if (state.status === 'none' || recorded[recorded.length - 1]?.revision !== revision)
    throw new Error(`${streamId} ends before revision ${revision}, which its read row reflects`);
  return state;
}

/**
 * A batch folded before its turn (foldAhead), from the folds kept in memory: the revision
 * each application's fold started from (-1n: from its first event, with no row yet) and
 * the applications it moved.
 */
export interface FoldedAhead {
  readonly from: ReadonlyMap<string, bigint>;
  readonly moved: readonly FoldedApplication[];
}

/** The batch's events on application streams, each with its application and domain event. */
function applicationEventsOf(events: readonly ProjectedEvent[]) {
  return events.flatMap((recorded) => {
    const onStream = applicationEventOf(recorded);
    return onStream === undefined ? [] : [{ ...fresh, ...onStream, recorded }];
  });
}

/**
 * Folds `events` (the batch that comes after the one being written) from the folds `table`'s
 * memo keeps, reading nothing: undefined when an application of the batch has no kept fold
 * and does not start in it. The memo is left as it is: the folds are kept (keepFolds) when
 * the batch's turn comes, and its writes check that its rows stand where these started.
 */
export function foldAhead(
  connection: object,
  table: string,
  events: readonly ProjectedEvent[],
): FoldedAhead | undefined {
  const memo = foldedStatesOf(connection, table);
  const from = new Map<string, bigint>();
  const moved = foldEach(applicationEventsOf(events), (applicationId, first) => {
    const kept = memo.latest(applicationId);
    if (kept === undefined && first !== 0n) return undefined;
    from.set(applicationId, kept?.revision ?? -1n);
    return kept === undefined ? { revision: -1n, state: undefined } : { ...fresh, ...kept };
  });
  return moved === undefined ? undefined : { from, moved };
}

/**
 * Folds each application's events of a batch, from where `start` says it stands before its
 * first one (undefined: it cannot be told, and nothing is folded); each application that
 * moved comes back once, with its state after the batch.
 */
function foldEach(
  found: ReturnType<typeof applicationEventsOf>,
  start: (applicationId: string, firstRevision: bigint) => Folding | undefined,
): FoldedApplication[] | undefined {
  const current = new Map<string, Folding>();
  const moved = new Map<string, FoldedApplication>();
  for (const { applicationId, event, recorded } of found) {
    let folding = current.get(applicationId);
    if (folding === undefined) {
      folding = start(applicationId, recorded.revision);
      if (folding === undefined) return undefined;
      current.set(applicationId, folding);
    }
    if (!foldIn(folding, recorded.revision, event) || folding.state === undefined) continue;
    moved.set(applicationId, {
      applicationId,
      state: folding.state,
      revision: recorded.revision,
      occurredAt: recorded.metadata.occurredAt,
    });
  }
  return [...moved.values()];
}

/**
 * Keeps folds made ahead (foldAhead) in `table`'s memo, for the batches after theirs. A fold
 * is a fact of the log: it is only ever used for a row at the very revision it was folded to.
 */
export function keepFolds(connection: object, table: string, moved: readonly FoldedApplication[]): void {
  const memo = foldedStatesOf(connection, table);
  for (const { applicationId, revision, state } of moved) memo.keep(applicationId, revision, state);
}

/**
 * Folds a batch into the applications a table keeps one row of (found by `keyProperty`,
 * beside `streamRevision`): the revisions of the rows the batch touches are read once;
 * their states come from the folds kept in memory (folded-states.ts) or, when one is not
 * kept (another process made the row, a restart, a fold forgotten), from the application's
 * stream up to the row's revision, read from the event store; every event is folded in
 * memory, and each application that moved comes back once with its state after the batch.
 * An event at or below the revision a row (or an earlier event of the batch) reflects is a
 * redelivery and changes nothing.
 */
export async function foldStoredApplications<Row extends FoldedApplicationRow>(
  manager: EntityManager,
  entity: RowClass<Row>,
  table: string,
  keyProperty: keyof Row & string,
  events: readonly ProjectedEvent[],
  streams: StreamReader,
): Promise<readonly FoldedApplication[]> {
  const found = applicationEventsOf(events);
  if (found.length === 0) return [];
  const memo = foldedStatesOf(manager.connection, table);
  const ids = [...new Set(found.map(({ applicationId }) => applicationId))];
  const stored = await findRows(manager, entity, table, keyProperty, ids as Row[typeof keyProperty][], [
    'streamRevision',
  ]);
  const latest = new Map<string, bigint>();
  for (const { applicationId, recorded } of found)
    if ((latest.get(applicationId) ?? -1n) < recorded.revision) latest.set(applicationId, recorded.revision);
  const current = new Map<string, Folding>();
  const unknown: Array<{ applicationId: string; revision: bigint }> = [];
  for (const row of stored) {
    const applicationId = String(row[keyProperty]);
    const revision = BigInt(row.streamRevision);
    const state = memo.stateAt(applicationId, revision);
    // A row the batch only redelivers to needs no state: nothing of the batch is folded into it.
    if (state === undefined && latest.get(applicationId)! > revision)
      unknown.push({ applicationId, revision });
    current.set(applicationId, { revision, state });
  }
  await Promise.all(
    unknown.map(async ({ applicationId, revision }) => {
      current.set(applicationId, {
        revision,
        state: await foldedFromStream(streams, applicationId, revision),
      });
    }),
  );
  // An application without a row starts from nothing: its first event must create it.
  const moved = foldEach(
    found,
    (applicationId) => current.get(applicationId) ?? { revision: -1n, state: undefined },
  )!;
  keepFolds(manager.connection, table, moved);
  return moved;
}
