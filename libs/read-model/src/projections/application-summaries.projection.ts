import type { EntityManager } from 'typeorm';
import { isAdopted, trackOf, type ExistingApplication } from '@l10k/domain';
import type { RecordedEvent } from '@l10k/eventstore';
import { findRuleSet } from '@l10k/rules';
import { ApplicationSummaryRow } from '../entities/application-summary.entity';
import { applicationRecordOf } from '../records/application-record';
import { upsertFoldedApplications } from './fold-stored-application';
import { wholeApplicationStream } from './application-stream-routing';
import type { Projection, TableNames } from './projection';

type Tables = 'application_summaries';

const instant = (iso: string | undefined): Date | null => (iso === undefined ? null : new Date(iso));

/** The row, by the entity's property names, from the folded state. */
function summaryRow(state: ExistingApplication, revision: bigint, occurredAt: string): ApplicationSummaryRow {
  const submitted = state.status === 'draft' ? undefined : state;
  // Adopted covers the award's steps after adoption too (grant decided, confirmed, paid …).
  const decision = isAdopted(state) || state.status === 'rejected' ? state.decision : undefined;
  const adoption = decision?.outcome === 'adopted' ? decision : undefined;
  const figures = adoption?.funding ?? submitted?.funding;
  const reviewerIds = state.reviewers.map((reviewer) => reviewer.reviewerId);
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
    reviewers: {
      assigned: reviewerIds,
      recused: state.reviewers.filter((reviewer) => reviewer.recused).map((reviewer) => reviewer.reviewerId),
    },
    reviewerIds,
    reviewsDone: state.reviews.length,
    reviewsNeeded:
      submitted?.ruleSetId === undefined
        ? null
        : (findRuleSet(submitted.ruleSetId)?.minimumReviewers ?? null),
    reviewCycle: state.reviewCycle,
    decision: decision ?? null,
    createdAt: new Date(state.createdAt),
    submittedAt: instant(submitted?.submittedAt),
    updatedAt: new Date(occurredAt),
    streamRevision: Number(revision),
    state,
    detail: applicationRecordOf(state),
  };
}

/** One row per application: its folded state and the columns the list filters and pages on. */
export const applicationSummariesProjection: Projection<Tables> = {
  name: 'application_summaries',
  tables: ['application_summaries'],
  events: wholeApplicationStream,
  project(
    manager: EntityManager,
    events: readonly RecordedEvent[],
    tables: TableNames<Tables>,
  ): Promise<void> {
    return upsertFoldedApplications(
      manager,
      ApplicationSummaryRow,
      tables.application_summaries,
      'id',
      events,
      summaryRow,
    );
  },
};
