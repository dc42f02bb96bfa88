import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICATION_STATUSES, RECOMMENDATIONS } from '@l10k/domain';
import { municipalityName, fresh } from '@l10k/rules';
import { planRecord, type ApplicationRecord, type AwardRecord } from '@l10k/read-model';
import { ApplicationPlanDto } from '../applications/dto/application-plan.dto';
import { AssessmentsDto } from '../applications/dto/submit-review.dto';
import { RuleIssueResponse } from '../funding/dto/funding-calculation.response';
import { AwardView } from './award.view';
import { DocumentView } from './document.view';
import { FundingFiguresView } from './funding-figures.view';
import {
  AcknowledgementView,
  EarlierReturnView,
  LocalConfirmationView,
  MicReportView,
} from './local-track.view';
import { OWN_STEPS, OWN_STEPS_WORDED, ownStepOf, type OwnStep } from './own-step';
import { reviewerLabel, shownReviewerId, type Viewer } from './viewer';

export class DraftAssessmentView {
  @ApiProperty({ example: '2025-06', description: 'The round a submission now would join' }) round: string;
  @ApiProperty({ example: 2025 }) fiscalYear: number;
  @ApiPropertyOptional({ example: 'FY2025-v1' }) ruleSetId?: string;
  @ApiPropertyOptional() provisional?: boolean;
  @ApiPropertyOptional({ type: FundingFiguresView, description: 'Absent while a figure is missing' })
  funding?: FundingFiguresView;
}

export class ConflictDeclarationView {
  @ApiProperty() hasConflict: boolean;
  @ApiPropertyOptional({ description: 'Not shown to the applicant municipality' }) detail?: string;
  @ApiProperty({ format: 'date-time' }) declaredAt: string;
}

export class ReviewerView {
  @ApiProperty({ example: '審査員A', description: 'In assignment order within the review cycle' })
  reviewer: string;
  @ApiPropertyOptional({
    example: 'reviewer-sato',
    description: 'Only for programme officers, auditors and the reviewer themself',
  })
  reviewerId?: string;
  @ApiProperty({ format: 'date-time' }) assignedAt: string;
  @ApiProperty({ description: 'Declared a conflict of interest: does not review' }) recused: boolean;
  @ApiPropertyOptional({ type: ConflictDeclarationView }) conflictDeclaration?: ConflictDeclarationView;
}

export class ReviewView {
  @ApiProperty({ example: '審査員A' }) reviewer: string;
  @ApiPropertyOptional({ example: 'reviewer-sato', description: 'As for ReviewerView' }) reviewerId?: string;
  @ApiProperty({ type: AssessmentsDto }) assessments: AssessmentsDto;
  @ApiProperty({ enum: RECOMMENDATIONS }) recommendation: string;
  @ApiProperty() comment: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
}

export class RevisionRequestView {
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty() requestedBy: string;
}

export class DecisionView {
  @ApiProperty({ enum: ['adopted', 'rejected'] }) outcome: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty() decidedBy: string;
  @ApiPropertyOptional({ type: 'integer' }) requestedGrant?: number;
  @ApiPropertyOptional({ type: 'integer' }) approvedGrant?: number;
  @ApiPropertyOptional({ type: FundingFiguresView, description: 'Recomputed with the approved grant' })
  funding?: FundingFiguresView;
}

export class WithdrawalView {
  @ApiProperty() reason: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) withdrawnFrom: string;
  @ApiProperty({ format: 'date-time' }) withdrawnAt: string;
  @ApiProperty() withdrawnBy: string;
}

/** An application as every answer shows it (API.md, "Applications"); fields are added, never renamed. */
export class ApplicationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '032077' }) municipalityCode: string;
  @ApiProperty({
    example: '久慈市',
    type: String,
    nullable: true,
    description: 'From the local-government registry',
  })
  municipalityName: string | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: string;
  @ApiProperty({ type: 'integer', description: 'The stream revision: the ETag and the next If-Match' })
  revision: number;
  @ApiProperty({ enum: ['national', 'local'] }) track: string;
  @ApiProperty({ type: ApplicationPlanDto, description: 'The fiscal strength index as a number' })
  plan: ApplicationPlanDto;
  @ApiProperty({
    type: [RuleIssueResponse],
    description: 'What submission would refuse now (drafts), or the last submission’s warnings',
  })
  warnings: RuleIssueResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: DraftAssessmentView, description: 'The last save’s view of a submission now' })
  assessment: DraftAssessmentView;
  @ApiPropertyOptional({ format: 'date-time' }) submittedAt?: string;
  @ApiPropertyOptional({ example: '2025-06' }) round?: string;
  @ApiPropertyOptional({ example: 2025 }) fiscalYear?: number;
  @ApiPropertyOptional({ example: '2025-06-10T23:59:59.999+09:00' }) deadline?: string;
  @ApiPropertyOptional({ example: '2025-07-22', format: 'date' }) decisionDueDate?: string;
  @ApiPropertyOptional({ example: 'FY2025-v1' }) ruleSetId?: string;
  @ApiPropertyOptional() provisional?: boolean;
  @ApiPropertyOptional({ type: FundingFiguresView, description: 'As submitted' })
  funding?: FundingFiguresView;
  @ApiProperty({ type: 'integer', description: '0 before the first submission' }) reviewCycle: number;
  @ApiProperty({ type: [ReviewerView], description: 'The current cycle’s assignments' })
  reviewers: ReviewerView[];
  @ApiProperty({ type: [ReviewView], description: 'The current cycle’s reviews' }) reviews: ReviewView[];
  @ApiPropertyOptional({
    enum: OWN_STEPS,
    description:
      'To a reviewer among the current cycle’s, where they stand, as their review queue says: ' +
      OWN_STEPS_WORDED +
      'Absent for anyone else',
  })
  ownStep?: OwnStep;
  @ApiProperty({ type: 'integer' }) reviewsDone: number;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'The rule set’s quorum (reads only)' })
  reviewsNeeded?: number | null;
  @ApiPropertyOptional({ type: RevisionRequestView }) revisionRequest?: RevisionRequestView;
  @ApiPropertyOptional({ type: DecisionView }) decision?: DecisionView;
  @ApiPropertyOptional({ type: WithdrawalView }) withdrawal?: WithdrawalView;
  @ApiPropertyOptional({ type: AwardView, description: 'After adoption: 交付申請 to 支払' })
  award?: AwardView;
  @ApiProperty({ type: [DocumentView], description: 'Every attached document, in the order received' })
  documents: DocumentView[];
  @ApiPropertyOptional({ type: LocalConfirmationView, description: 'Local track: the local confirmation' })
  localConfirmation?: LocalConfirmationView;
  @ApiPropertyOptional({ type: MicReportView, description: 'Local track: the current report to MIC' })
  micReport?: MicReportView;
  @ApiPropertyOptional({
    type: AcknowledgementView,
    description: 'Local track: the programme officer’s answer to the current report',
  })
  acknowledgement?: AcknowledgementView;
  @ApiPropertyOptional({
    type: [EarlierReturnView],
    description: 'Local track: the reports returned before the current one, oldest first',
  })
  earlierReturns?: EarlierReturnView[];
  @ApiPropertyOptional({ format: 'date-time', description: 'The last event’s instant (reads only)' })
  updatedAt?: string;
}

/**
 * The award field by field. A change's plan is kept as its event recorded it (the index an
 * exact decimal string); it is answered as the application's own plan is and as plans are
 * sent: the index a number.
 */
const awardView = (award: AwardRecord): AwardView => ({
  grantApplicationDueDate: award.grantApplicationDueDate,
  commitment: award.commitment,
  grantApplication: award.grantApplication as AwardView['grantApplication'],
  grantDecision: award.grantDecision as AwardView['grantDecision'],
  changes: award.changes.map((change) =>
    change.plan === undefined ? change : { ...fresh, ...change, plan: planRecord(change.plan) },
  ) as AwardView['changes'],
  report: award.report as AwardView['report'],
  confirmation: award.confirmation as AwardView['confirmation'],
  payments: award.payments as AwardView['payments'],
  paid: award.paid,
  refundDue: award.refundDue,
  abandonedAt: award.abandonedAt,
});

/**
 * The answer for one viewer, field by field: reviewers appear as 審査員A, B, …, by id only to
 * those who may know; a conflict's detail only to officers, auditors and the reviewer.
 */
export function applicationView(
  record: ApplicationRecord,
  revision: number,
  viewer: Viewer,
): ApplicationView {
  const labels = new Map(
    record.reviewers.map((reviewer, index) => [reviewer.reviewerId, reviewerLabel(index)]),
  );
  const labelOf = (reviewerId: string) => labels.get(reviewerId) ?? reviewerLabel(labels.size);
  const applicant = !viewer.roles.includes('program_officer') && !viewer.roles.includes('auditor');
  const ownAssignment = viewer.roles.includes('reviewer')
    ? record.reviewers.find((reviewer) => reviewer.reviewerId === viewer.sub)
    : undefined;
  return {
    id: record.id,
    municipalityCode: record.municipalityCode,
    municipalityName: municipalityName(record.municipalityCode) ?? null,
    status: record.status,
    revision,
    track: record.track,
    plan: record.plan as ApplicationView['plan'],
    warnings: record.warnings as ApplicationView['warnings'],
    createdAt: record.createdAt,
    assessment: record.assessment as ApplicationView['assessment'],
    submittedAt: record.submittedAt,
    round: record.round,
    fiscalYear: record.fiscalYear,
    deadline: record.deadline,
    decisionDueDate: record.decisionDueDate,
    ruleSetId: record.ruleSetId,
    provisional: record.provisional,
    funding: record.funding as ApplicationView['funding'],
    reviewCycle: record.reviewCycle,
    reviewers: record.reviewers.map(({ reviewerId, assignedAt, recused, conflictDeclaration }) => ({
      reviewer: labelOf(reviewerId),
      reviewerId: shownReviewerId(viewer, reviewerId),
      assignedAt,
      recused,
      conflictDeclaration:
        conflictDeclaration !== undefined && applicant && reviewerId !== viewer.sub
          ? { hasConflict: conflictDeclaration.hasConflict, declaredAt: conflictDeclaration.declaredAt }
          : conflictDeclaration,
    })),
    reviews: record.reviews.map(({ reviewerId, assessments, recommendation, comment, submittedAt }) => ({
      reviewer: labelOf(reviewerId),
      reviewerId: shownReviewerId(viewer, reviewerId),
      assessments: assessments as ReviewView['assessments'],
      recommendation,
      comment,
      submittedAt,
    })),
    ownStep:
      ownAssignment &&
      ownStepOf(
        ownAssignment,
        record.reviews.some((review) => review.reviewerId === viewer.sub),
      ),
    reviewsDone: record.reviewsDone,
    revisionRequest: record.revisionRequest,
    decision: record.decision as ApplicationView['decision'],
    withdrawal: record.withdrawal,
    award: record.award === undefined ? undefined : awardView(record.award),
    documents: record.documents as ApplicationView['documents'],
    localConfirmation: record.localConfirmation as ApplicationView['localConfirmation'],
    micReport: record.micReport as ApplicationView['micReport'],
    acknowledgement: record.acknowledgement as ApplicationView['acknowledgement'],
    earlierReturns: record.earlierReturns?.map(({ reportNumber, reason, returnedAt, returnedBy }) => ({
      reportNumber,
      reason,
      returnedAt,
      returnedBy,
    })),
  };
}
