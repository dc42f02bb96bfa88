import type { AwardEvent } from '../award/events';
import type { DocumentAttached } from '../documents/events';
import type { LocalTrackEvent } from '../local-track/events';
import type { ApplicationPlan } from '../plan/application-plan';
import type { FundingFigures } from '../plan/funding-figures';
import type { PlanAssessment } from '../plan/plan-assessment';
import type { Assessments, Recommendation } from './review';
import type { ApplicationStatus } from './state';
import type { Submission } from './submission';

/**
 * The application's events. Each carries what its state needs (instants and actors
 * included), so folding never depends on the store's metadata; the app layer adds
 * eventId, schemaVersion (see event-schema-versions.ts) and the rest of the metadata.
 */
interface ApplicationEventOf<Type extends string, Data> {
  readonly type: Type;
  readonly data: Readonly<{ applicationId: string } & Data>;
}

export type ApplicationCreated = ApplicationEventOf<
  'ApplicationCreated',
  {
    municipalityCode: string;
    plan: ApplicationPlan;
    assessment: PlanAssessment;
    createdAt: string;
    createdBy: string;
  }
>;

export type ApplicationPlanReplaced = ApplicationEventOf<
  'ApplicationPlanReplaced',
  { plan: ApplicationPlan; assessment: PlanAssessment; replacedAt: string; replacedBy: string }
>;

/** The first submission opens review cycle 1. */
export type ApplicationSubmitted = ApplicationEventOf<
  'ApplicationSubmitted',
  Submission & { reviewCycle: number; submittedAt: string; submittedBy: string }
>;

/** A resubmission opens the next review cycle in the round of its own instant. */
export type ApplicationResubmitted = ApplicationEventOf<
  'ApplicationResubmitted',
  Submission & { reviewCycle: number; submittedAt: string; submittedBy: string }
>;

export type ApplicationWithdrawn = ApplicationEventOf<
  'ApplicationWithdrawn',
  { reason: string; withdrawnFrom: ApplicationStatus; withdrawnAt: string; withdrawnBy: string }
>;

export type ReviewerAssigned = ApplicationEventOf<
  'ReviewerAssigned',
  { reviewerId: string; reviewCycle: number; assignedAt: string; assignedBy: string }
>;

export type ConflictOfInterestDeclared = ApplicationEventOf<
  'ConflictOfInterestDeclared',
  { reviewerId: string; reviewCycle: number; hasConflict: boolean; detail?: string; declaredAt: string }
>;

export type ReviewSubmitted = ApplicationEventOf<
  'ReviewSubmitted',
  {
    reviewerId: string;
    reviewCycle: number;
    assessments: Assessments;
    recommendation: Recommendation;
    comment: string;
    submittedAt: string;
  }
>;

export type RevisionRequested = ApplicationEventOf<
  'RevisionRequested',
  { reason: string; reviewCycle: number; requestedAt: string; requestedBy: string }
>;

/**
 * The funding is recomputed with the approved grant under the rule set recorded at
 * submission; `nationalShare` in `funding` is what the budget commits.
 */
export type ApplicationAdopted = ApplicationEventOf<
  'ApplicationAdopted',
  {
    fiscalYear: number;
    reason: string;
    requestedGrant: number;
    approvedGrant: number;
    ruleSetId: string;
    provisional: boolean;
    funding: FundingFigures;
    reviewCycle: number;
    reviewsCounted: number;
    decidedAt: string;
    decidedBy: string;
  }
>;

export type ApplicationRejected = ApplicationEventOf<
  'ApplicationRejected',
  { reason: string; reviewCycle: number; decidedAt: string; decidedBy: string }
>;

export type ApplicationEvent =
  | AwardEvent
  | DocumentAttached
  | LocalTrackEvent
  | ApplicationCreated
  | ApplicationPlanReplaced
  | ApplicationSubmitted
  | ApplicationResubmitted
  | ApplicationWithdrawn
  | ReviewerAssigned
  | ConflictOfInterestDeclared
  | ReviewSubmitted
  | RevisionRequested
  | ApplicationAdopted
  | ApplicationRejected;
