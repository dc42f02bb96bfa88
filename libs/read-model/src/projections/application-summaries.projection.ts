import type { EntityManager } from 'typeorm';
import { isAdopted, trackOf, type ExistingApplication } from '@l10k/domain';
import type { ProjectedEvent } from '@l10k/eventstore';
import { ApplicationSummaryRow } from '../entities/application-summary.entity';
import { AwardLedgerRow } from '../entities/award-ledger-entry.entity';
import { ReviewQueueRow } from '../entities/review-queue-entry.entity';
import { applicationRecordOf } from '../records/application-record';
import { reviewsNeededUnder } from '../records/reviews-needed';
import {
  deletePart,
  rowsStatement,
  runRowsStatement,
  sentInFull,
  upsertPart,
  type RowsGuard,
  type RowsStatement,
} from '../tables';
import { awardLedgerRow } from './award-ledger-row';
import {
  foldAhead,
  foldStoredApplications,
  keepFolds,
  type FoldedAhead,
  type FoldedApplication,
} from './fold-stored-application';
import { wholeApplicationStream } from './application-stream-routing';
import { PreparedAhead } from './prepared-ahead';
import type { Projection, StreamReader, TableNames } from './projection';
import { isOpen, reviewQueueRow } from './review-queue-row';

type Tables = 'application_summaries' | 'review_queue' | 'award_ledger';

const instant = (iso: string | undefined): Date | null => (iso === undefined ? null : new Date(iso));

/** The row, by the entity's property names, from the folded state. */
function summaryRow(state: ExistingApplication, revision: bigint, occurredAt: string): ApplicationSummaryRow {
  const submitted = state.status === 'draft' ? undefined : state;
  // Adopted covers the award's steps after adoption too (grant decided, confirmed, paid …).
  const decision = isAdopted(state) || state.status === 'rejected' ? state.decision : undefined;
  const adoption = decision?.outcome === 'adopted' ? decision : undefined;
  const figures = adoption?.funding ?? submitted?.funding;
  return {
    id: state.id,
    municipalityCode: state.municipalityCode,
    status: state.status,
    round: submitted?.round ?? null,
    fiscalYear: submitted?.fiscalYear ?? null,
    deadline: instant(submitted?.deadline),
    decisionDueDate: submitted?.decisionDueDate ?? null,
    projectTitle: state.plan.projectTitle ?? null,
    businessName: state.plan.business?.name ?? null,
    track: figures?.track ?? trackOf(state.plan),
    requestedGrant:
      adoption?.requestedGrant ?? submitted?.funding?.grant ?? state.plan.funding?.grant ?? null,
    approvedGrant: adoption?.approvedGrant ?? null,
    nationalShare: figures?.nationalShare ?? null,
    specialTaxShare: figures?.specialTaxShare ?? null,
    municipalShare: figures?.municipalShare ?? null,
    ruleSetId: submitted?.ruleSetId ?? null,
    provisional: submitted?.provisional ?? null,
    reviewerIds: state.reviewers.map((reviewer) => reviewer.reviewerId),
    reviewsDone: state.reviews.length,
    reviewsNeeded: reviewsNeededUnder(submitted?.ruleSetId),
    reviewCycle: state.reviewCycle,
    createdAt: new Date(state.createdAt),
    submittedAt: instant(submitted?.submittedAt),
    updatedAt: new Date(occurredAt),
    streamRevision: Number(revision),
    detail: applicationRecordOf(state),
  };
}

/**
 * The three tables' rows of the applications a batch moved, in one statement: every one's
 * summary, the queue's line of an open one (one past submission that is not open leaves the
 * queue), and the ledger's line of an adopted one.
 */
function viewsStatement(
  manager: EntityManager,
  tables: TableNames<Tables>,
  moved: readonly FoldedApplication[],
  guard?: RowsGuard<ApplicationSummaryRow>,
): RowsStatement | undefined {
  const newer = { newerBy: 'streamRevision' } as const;
  const open = moved.flatMap(({ state, revision }) =>
    isOpen(state) ? [reviewQueueRow(state, revision)] : [],
  );
  // A draft was never in the queue: only an application past submission may leave it.
  const left = moved
    .filter(({ state }) => state.status !== 'draft' && !isOpen(state))
    .map(({ applicationId }) => applicationId);
  // The ledger is of adopted applications, and an adopted one stays adopted (isAdopted).
  const adopted = moved.filter(({ state }) => isAdopted(state));
  return rowsStatement(
    manager,
    [
      upsertPart(
        ApplicationSummaryRow,
        tables.application_summaries,
        moved.map(({ state, revision, occurredAt }) => summaryRow(state, revision, occurredAt)),
        newer,
      ),
      upsertPart(ReviewQueueRow, tables.review_queue, open, newer),
      deletePart(ReviewQueueRow, tables.review_queue, 'applicationId', left),
      upsertPart(
        AwardLedgerRow,
        tables.award_ledger,
        adopted.map(({ state, revision, occurredAt }) => awardLedgerRow(state, revision, occurredAt)),
        newer,
      ),
    ],
    guard,
  );
}

/**
 * The next batch, folded and its statement built while the previous batch's statement ran:
 * the statement writes only if every row stands where the folds started (-1n: no row).
 */
interface Prepared {
  readonly folds: FoldedAhead;
  readonly statement: RowsStatement;
}

const preparedAhead = new PreparedAhead<Prepared>();

/** The physical tables a call writes, as one key (a rebuild's shadows are not the live tables). */
const tablesKey = (tables: TableNames<Tables>): string => Object.values(tables).join(' ');

/**
 * Folds the next batch and builds its statement (most of a batch's cost in the projector)
 * while this batch's statement runs in PostgreSQL. Nothing is kept when it cannot be folded
 * from memory; anything it throws is the next batch's to meet, in its own turn.
 */
function prepareAhead(
  manager: EntityManager,
  tables: TableNames<Tables>,
  next: readonly ProjectedEvent[],
): void {
  try {
    const folds = foldAhead(manager.connection, tables.application_summaries, next);
    if (folds === undefined) return;
    const statement = viewsStatement(manager, tables, folds.moved, {
      entity: ApplicationSummaryRow,
      table: tables.application_summaries,
      key: 'id',
      revision: 'streamRevision',
      expected: folds.from,
    });
    if (statement !== undefined)
      preparedAhead.keep(manager.connection, tablesKey(tables), next, { folds, statement });
  } catch {
    return;
  }
}

/** Runs the statement, preparing `next` while PostgreSQL runs it; for a guarded one, whether it wrote. */
async function writeThenPrepare(
  manager: EntityManager,
  statement: RowsStatement,
  tables: TableNames<Tables>,
  next: readonly ProjectedEvent[] | undefined,
): Promise<boolean> {
  const writing = runRowsStatement(manager, statement);
  if (next !== undefined && next.length > 0) {
    // Handled when awaited below; until then a failure must not count as unhandled.
    writing.catch(() => undefined);
    // The statement must be out before the fold takes the event loop (sentInFull says why).
    await sentInFull(manager);
    prepareAhead(manager, tables, next);
  }
  return writing;
}

/**
 * The views of an application that follow from its folded state, from ONE fold per batch:
 * its summary (beside the revision it reflects; the fold itself is kept in memory, or
 * folded again from the application's stream, never stored),
 * its line in the review queue while it is open (submitted, under review), and its line in
 * the award ledger. The three are written in the same transaction, so they always reflect
 * the same revision, and a late redelivery finds the summary's revision and changes nothing
 * (a decided application cannot come back into the queue). While a batch's statement runs,
 * the batch the runner offers next is folded and its statement built (prepareAhead): in a
 * catch-up or a rebuild that work is then off the path from one batch's commit to the next,
 * and so is the read of that batch's rows, which its statement checks as it writes.
 */
export const applicationSummariesProjection: Projection<Tables> = {
  name: 'application_summaries',
  tables: ['application_summaries', 'review_queue', 'award_ledger'],
  events: wholeApplicationStream,
  async project(
    manager: EntityManager,
    events: readonly ProjectedEvent[],
    tables: TableNames<Tables>,
    streams: StreamReader,
    next?: readonly ProjectedEvent[],
  ): Promise<void> {
    const table = tables.application_summaries;
    const prepared = preparedAhead.take(manager.connection, tablesKey(tables), events);
    if (prepared !== undefined) {
      // Facts of the log whether or not the rows stand where they started: the next batch folds from them.
      keepFolds(manager.connection, table, prepared.folds.moved);
      if (await writeThenPrepare(manager, prepared.statement, tables, next)) return;
    }
    // Not prepared, or its rows did not stand where its folds started (and nothing was written).
    const moved = await foldStoredApplications(manager, ApplicationSummaryRow, table, 'id', events, streams);
    const statement = viewsStatement(manager, tables, moved);
    if (statement !== undefined) await writeThenPrepare(manager, statement, tables, next);
  },
};
