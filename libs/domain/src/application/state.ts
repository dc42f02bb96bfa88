import { AWARD_STATUSES, type Award, type AwardStatus } from '../award/award';
import type { AttachedDocument } from '../documents/attached-document';
import type {
  LocalConfirmation,
  MicAnswer,
  MicReport,
  ReturnedReport,
} from '../local-track/local-confirmation';
import type { ApplicationPlan } from '../plan/application-plan';
import type { FundingFigures } from '../plan/funding-figures';
import type { PlanAssessment } from '../plan/plan-assessment';
import type { Assessments, Recommendation } from './review';
import type { Submission } from './submission';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'revision_requested',
  'adopted',
  'rejected',
  'withdrawn',
  ...AWARD_STATUSES,
  // The local track's own workflow (DOMAIN.md, "Local track").
  'locally_confirmed',
  'reported_to_mic',
  'acknowledged',
  'returned',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface ReviewerAssignment {
  readonly reviewerId: string;
  readonly assignedAt: string;
  /** Absent until the reviewer declares; a review needs `{ hasConflict: false }`. */
  readonly conflictDeclaration?: {
    readonly hasConflict: boolean;
    readonly detail?: string;
    readonly declaredAt: string;
  };
  /** Declared a conflict: cannot review, and does not count towards the quorum. */
  readonly recused: boolean;
}

export interface Review {
  readonly reviewerId: string;
  readonly assessments: Assessments;
  readonly recommendation: Recommendation;
  readonly comment: string;
  readonly submittedAt: string;
}

export interface ApplicationDecision {
  readonly outcome: 'adopted' | 'rejected';
  readonly reason: string;
  readonly decidedAt: string;
  readonly decidedBy: string;
}

export interface Adoption extends ApplicationDecision {
  readonly outcome: 'adopted';
  readonly requestedGrant: number;
  readonly approvedGrant: number;
  /** Recomputed with the approved grant under the submission's rule set. */
  readonly funding: FundingFigures;
}

export interface Rejection extends ApplicationDecision {
  readonly outcome: 'rejected';
}

export interface Withdrawal {
  readonly reason: string;
  readonly withdrawnFrom: ApplicationStatus;
  readonly withdrawnAt: string;
  readonly withdrawnBy: string;
}

export interface RevisionRequest {
  readonly reason: string;
  readonly requestedAt: string;
  readonly requestedBy: string;
}

/** What every existing application has. */
interface Recorded {
  readonly id: string;
  readonly municipalityCode: string;
  readonly plan: ApplicationPlan;
  readonly createdAt: string;
  /** The last draft save's warnings and figures (what submission would say then). */
  readonly assessment: PlanAssessment;
  /** 0 before the first submission; each (re)submission opens the next cycle. */
  readonly reviewCycle: number;
  /** The current cycle's assignments; a resubmission starts afresh. */
  readonly reviewers: readonly ReviewerAssignment[];
  /** The current cycle's reviews; earlier cycles' stay in the event history only. */
  readonly reviews: readonly Review[];
  /** Every document attached, in the order received (their bytes are in the document store). */
  readonly documents: readonly AttachedDocument[];
}

/** The latest submission, flattened the way API.md's answers show it. */
type Submitted = Submission & { readonly submittedAt: string };

export interface NoApplication {
  readonly status: 'none';
}
export interface DraftApplication extends Recorded {
  readonly status: 'draft';
}
export interface SubmittedApplication extends Recorded, Submitted {
  readonly status: 'submitted';
}
export interface UnderReviewApplication extends Recorded, Submitted {
  readonly status: 'under_review';
}
export interface RevisionRequestedApplication extends Recorded, Submitted {
  readonly status: 'revision_requested';
  readonly revisionRequest: RevisionRequest;
}
/** Adopted, and every step of the grant's life after it (`award`). */
export interface AdoptedApplication extends Recorded, Submitted {
  readonly status: 'adopted' | AwardStatus;
  readonly decision: Adoption;
  readonly award: Award;
}
export interface RejectedApplication extends Recorded, Submitted {
  readonly status: 'rejected';
  readonly decision: Rejection;
}
/** Withdrawn from a draft carries no submission; from later states it keeps it. */
export interface WithdrawnApplication extends Recorded, Partial<Submitted> {
  readonly status: 'withdrawn';
  readonly withdrawal: Withdrawal;
}

/**
 * Local track: the municipality's experts or a chamber confirmed it; not yet reported, so
 * the submission's fields are absent (typed as optional, as a draft's withdrawal is).
 */
export interface LocallyConfirmedApplication extends Recorded, Partial<Submitted> {
  readonly status: 'locally_confirmed';
  readonly localConfirmation: LocalConfirmation;
}
/**
 * Local track, reported to MIC: the report is its submission (round, rule set, figures;
 * `submittedAt` is the report's instant). `acknowledgement` is the officer's answer (acknowledged or returned) to the current
 * report, absent while it waits; a report after a return starts without one, and the return
 * joins `earlierReturns` (oldest first; absent until a report has been returned and made again).
 */
export interface ReportedLocalApplication extends Recorded, Submitted {
  readonly status: 'reported_to_mic' | 'acknowledged' | 'returned';
  readonly localConfirmation: LocalConfirmation;
  readonly micReport: MicReport;
  readonly acknowledgement?: MicAnswer;
  readonly earlierReturns?: readonly ReturnedReport[];
}

export type ApplicationState =
  | NoApplication
  | LocallyConfirmedApplication
  | ReportedLocalApplication
  | DraftApplication
  | SubmittedApplication
  | UnderReviewApplication
  | RevisionRequestedApplication
  | AdoptedApplication
  | RejectedApplication
  | WithdrawnApplication;

export type ExistingApplication = Exclude<ApplicationState, NoApplication>;

export const initialApplicationState = (): ApplicationState => ({ status: 'none' });
