import type { EntityManager } from 'typeorm';
import { trackOf, type ExistingApplication } from '@l10k/domain';
import type { RecordedEvent } from '@l10k/eventstore';
import { findRuleSet } from '@l10k/rules';
import { applicationEventOf } from './application-event';
import { foldStoredApplication } from './fold-stored-application';
import type { Projection, TableNames } from './projection';

type Tables = 'application_summaries';

const COLUMNS = [
  'id',
  'municipality_code',
  'status',
  'round',
  'fiscal_year',
  'deadline',
  'decision_due_date',
  'project_title',
  'business_name',
  'track',
  'requested_grant',
  'approved_grant',
  'national_share',
  'special_tax_share',
  'municipal_share',
  'rule_set_id',
  'provisional',
  'reviewers',
  'reviewer_ids',
  'reviews_done',
  'reviews_needed',
  'review_cycle',
  'decision',
  'created_at',
  'submitted_at',
  'updated_at',
  'stream_revision',
  'state',
] as const;

/** The row's columns, in COLUMNS order, from the folded state. */
function summaryValues(state: ExistingApplication, revision: bigint, occurredAt: string): unknown[] {
  const submitted = state.status === 'draft' ? undefined : state;
  const decision = state.status === 'adopted' || state.status === 'rejected' ? state.decision : undefined;
  const adoption = decision?.outcome === 'adopted' ? decision : undefined;
  const figures = adoption?.funding ?? submitted?.funding;
  return [
    state.id,
    state.municipalityCode,
    state.status,
    submitted?.round ?? null,
    submitted?.fiscalYear ?? null,
    submitted?.deadline ?? null,
    submitted?.decisionDueDate ?? null,
    state.plan.projectTitle ?? null,
    state.plan.business?.name ?? null,
    figures?.track ?? trackOf(state.plan),
    adoption?.requestedGrant ?? submitted?.funding?.grant ?? state.plan.funding?.grant ?? null,
    adoption?.approvedGrant ?? null,
    figures?.nationalShare ?? null,
    figures?.specialTaxShare ?? null,
    figures?.municipalShare ?? null,
    submitted?.ruleSetId ?? null,
    submitted?.provisional ?? null,
    JSON.stringify({
      assigned: state.reviewers.map((reviewer) => reviewer.reviewerId),
      recused: state.reviewers.filter((reviewer) => reviewer.recused).map((reviewer) => reviewer.reviewerId),
    }),
    state.reviewers.map((reviewer) => reviewer.reviewerId),
    state.reviews.length,
    submitted?.ruleSetId === undefined ? null : (findRuleSet(submitted.ruleSetId)?.minimumReviewers ?? null),
    state.reviewCycle,
    decision === undefined ? null : JSON.stringify(decision),
    state.createdAt,
    submitted?.submittedAt ?? null,
    occurredAt,
    revision.toString(),
    JSON.stringify(state),
  ];
}

const upsertSql = (table: string): string => `
  INSERT INTO ${table} (${COLUMNS.join(', ')})
  VALUES (${COLUMNS.map((_, index) => `$${index + 1}`).join(', ')})
  ON CONFLICT (id) DO UPDATE SET ${COLUMNS.filter((column) => column !== 'id')
    .map((column) => `${column} = EXCLUDED.${column}`)
    .join(', ')}
  WHERE ${table}.stream_revision < EXCLUDED.stream_revision`;

/** One row per application: its folded state and the columns the list filters and pages on. */
export const applicationSummariesProjection: Projection<Tables> = {
  name: 'application_summaries',
  tables: ['application_summaries'],
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
    const table = tables.application_summaries;
    const state = await foldStoredApplication(
      manager,
      table,
      'id',
      found.applicationId,
      found.event,
      recorded.revision,
    );
    if (state === undefined) return;
    await manager.query(
      upsertSql(table),
      summaryValues(state, recorded.revision, recorded.metadata.occurredAt),
    );
  },
};
