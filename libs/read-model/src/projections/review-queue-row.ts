import type { ExistingApplication, SubmittedApplication, UnderReviewApplication } from '@l10k/domain';
import type { ReviewQueueRow } from '../entities/review-queue-entry.entity';
import { reviewsNeededUnder } from '../records/reviews-needed';

type OpenApplication = SubmittedApplication | UnderReviewApplication;

/** Open applications (submitted, under review) are in the review queue; others leave it. */
export const isOpen = (state: ExistingApplication): state is OpenApplication =>
  state.status === 'submitted' || state.status === 'under_review';

/** The queue row, by the entity's property names, of an open application. */
export const reviewQueueRow = (state: OpenApplication, revision: bigint): ReviewQueueRow => ({
  applicationId: state.id,
  round: state.round,
  fiscalYear: state.fiscalYear,
  decisionDueDate: state.decisionDueDate,
  municipalityCode: state.municipalityCode,
  reviewerIds: state.reviewers.map((reviewer) => reviewer.reviewerId),
  reviewsDone: state.reviews.length,
  reviewsNeeded: reviewsNeededUnder(state.ruleSetId) ?? 0,
  status: state.status,
  streamRevision: Number(revision),
});
