import type { EntityManager } from 'typeorm';
import type { ExistingApplication, SubmittedApplication, UnderReviewApplication } from '@l10k/domain';
import type { RecordedEvent } from '@l10k/eventstore';
import { findRuleSet } from '@l10k/rules';
import { applicationEventOf } from './application-event';
import { foldStoredApplication } from './fold-stored-application';
import type { Projection, TableNames } from './projection';

type Tables = 'review_queue' | 'review_queue_states';

type OpenApplication = SubmittedApplication | UnderReviewApplication;

const isOpen = (state: ExistingApplication): state is OpenApplication =>
  state.status === 'submitted' || state.status === 'under_review';

const enqueue = (table: string, state: OpenApplication, revision: bigint): [string, unknown[]] => [
  `INSERT INTO ${table} (application_id, round, fiscal_year, decision_due_date, municipality_code, reviewer_ids,
                         reviews_done, reviews_needed, status, stream_revision)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
   ON CONFLICT (application_id) DO UPDATE SET
     round = EXCLUDED.round, fiscal_year = EXCLUDED.fiscal_year, decision_due_date = EXCLUDED.decision_due_date,
     municipality_code = EXCLUDED.municipality_code, reviewer_ids = EXCLUDED.reviewer_ids,
     reviews_done = EXCLUDED.reviews_done, reviews_needed = EXCLUDED.reviews_needed, status = EXCLUDED.status,
     stream_revision = EXCLUDED.stream_revision
   WHERE ${table}.stream_revision < EXCLUDED.stream_revision`,
  [
    state.id,
    state.round,
    state.fiscalYear,
    state.decisionDueDate,
    state.municipalityCode,
    state.reviewers.map((reviewer) => reviewer.reviewerId),
    state.reviews.length,
    findRuleSet(state.ruleSetId)?.minimumReviewers ?? 0,
    state.status,
    revision.toString(),
  ],
];

/**
 * Open applications (submitted, under review). The application's folded state is kept in
 * `review_queue_states` for every application, so the queue row can be derived and
 * dropped again when it is decided, withdrawn or sent back.
 */
export const reviewQueueProjection: Projection<Tables> = {
  name: 'review_queue',
  tables: ['review_queue', 'review_queue_states'],
  events: {
    ApplicationCreated: 'handle',
    ApplicationPlanReplaced: 'handle',
    ApplicationSubmitted: 'handle',
    ApplicationResubmitted: 'handle',
    ApplicationWithdrawn: 'handle',
    ReviewerAssigned: 'handle',
    ConflictOfInterestDeclared: 'handle',
    ReviewSubmitted: 'handle',
    RevisionRequested: 'handle',
    ApplicationAdopted: 'handle',
    ApplicationRejected: 'handle',
    FiscalYearBudgetSet: 'ignore',
    NationalShareCommitted: 'ignore',
  },
  async handle(manager: EntityManager, recorded: RecordedEvent, tables: TableNames<Tables>): Promise<void> {
    const found = applicationEventOf(recorded);
    if (found === undefined) return;
    const { applicationId } = found;
    const state = await foldStoredApplication(
      manager,
      tables.review_queue_states,
      'application_id',
      applicationId,
      found.event,
      recorded.revision,
    );
    if (state === undefined) return;
    await manager.query(
      `INSERT INTO ${tables.review_queue_states} (application_id, stream_revision, state) VALUES ($1, $2, $3)
       ON CONFLICT (application_id) DO UPDATE SET stream_revision = EXCLUDED.stream_revision, state = EXCLUDED.state`,
      [applicationId, recorded.revision.toString(), JSON.stringify(state)],
    );
    if (isOpen(state)) {
      await manager.query(...enqueue(tables.review_queue, state, recorded.revision));
    } else {
      await manager.query(`DELETE FROM ${tables.review_queue} WHERE application_id = $1`, [applicationId]);
    }
  },
};
