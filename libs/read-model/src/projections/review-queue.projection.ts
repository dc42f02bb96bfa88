import type { EntityManager } from 'typeorm';
import type { ExistingApplication, SubmittedApplication, UnderReviewApplication } from '@l10k/domain';
import type { RecordedEvent } from '@l10k/eventstore';
import { findRuleSet } from '@l10k/rules';
import { ReviewQueueRow } from '../entities/review-queue-entry.entity';
import { ReviewQueueStateRow } from '../entities/review-queue-state.entity';
import { deleteRows, upsertRows } from '../tables';
import { foldStoredApplications } from './fold-stored-application';
import { wholeApplicationStream } from './application-stream-routing';
import type { Projection, TableNames } from './projection';

type Tables = 'review_queue' | 'review_queue_states';

type OpenApplication = SubmittedApplication | UnderReviewApplication;

const isOpen = (state: ExistingApplication): state is OpenApplication =>
  state.status === 'submitted' || state.status === 'under_review';

/** The queue row, by the entity's property names, of an open application. */
const queueRow = (state: OpenApplication, revision: bigint): ReviewQueueRow => ({
  applicationId: state.id,
  round: state.round,
  fiscalYear: state.fiscalYear,
  decisionDueDate: state.decisionDueDate,
  municipalityCode: state.municipalityCode,
  reviewerIds: state.reviewers.map((reviewer) => reviewer.reviewerId),
  reviewsDone: state.reviews.length,
  reviewsNeeded: findRuleSet(state.ruleSetId)?.minimumReviewers ?? 0,
  status: state.status,
  streamRevision: Number(revision),
});

/**
 * Open applications (submitted, under review). The application's folded state is kept in
 * `review_queue_states` for every application, so the queue row can be derived and
 * dropped again when it is decided, withdrawn or sent back.
 */
export const reviewQueueProjection: Projection<Tables> = {
  name: 'review_queue',
  tables: ['review_queue', 'review_queue_states'],
  events: wholeApplicationStream,
  async project(
    manager: EntityManager,
    events: readonly RecordedEvent[],
    tables: TableNames<Tables>,
  ): Promise<void> {
    const moved = await foldStoredApplications(
      manager,
      ReviewQueueStateRow,
      tables.review_queue_states,
      'applicationId',
      events,
    );
    await upsertRows(
      manager,
      ReviewQueueStateRow,
      tables.review_queue_states,
      moved.map(({ applicationId, state, revision }) => ({
        applicationId,
        streamRevision: Number(revision),
        state,
      })),
      { newerBy: 'streamRevision' },
    );
    const open = moved.flatMap(({ state, revision }) => (isOpen(state) ? [queueRow(state, revision)] : []));
    await upsertRows(manager, ReviewQueueRow, tables.review_queue, open, { newerBy: 'streamRevision' });
    const left = moved.filter(({ state }) => !isOpen(state)).map(({ applicationId }) => applicationId);
    await deleteRows(manager, ReviewQueueRow, tables.review_queue, 'applicationId', left);
  },
};
