import type { CommandMetadata } from '../actor';
import type { ApplicationPlan } from '../plan/application-plan';
import type { Assessments, Recommendation } from './review';

interface ApplicationCommandOf<Type extends string, Data> {
  readonly type: Type;
  readonly data: Readonly<{ applicationId: string } & Data>;
  readonly metadata: CommandMetadata;
}

/** `municipalityCode` is the creating officer's own (the API copies it from the token). */
export type CreateApplication = ApplicationCommandOf<
  'CreateApplication',
  { municipalityCode: string; plan: ApplicationPlan }
>;
export type ReplacePlan = ApplicationCommandOf<'ReplacePlan', { plan: ApplicationPlan }>;
export type SubmitApplication = ApplicationCommandOf<'SubmitApplication', object>;
export type WithdrawApplication = ApplicationCommandOf<'WithdrawApplication', { reason: string }>;
export type AssignReviewer = ApplicationCommandOf<'AssignReviewer', { reviewerId: string }>;
/** `reviewerId` is the acting reviewer's own `sub`. */
export type DeclareConflict = ApplicationCommandOf<
  'DeclareConflict',
  { reviewerId: string; hasConflict: boolean; detail?: string }
>;
export type SubmitReview = ApplicationCommandOf<
  'SubmitReview',
  { assessments: Assessments; recommendation: Recommendation; comment: string }
>;
export type RequestRevision = ApplicationCommandOf<'RequestRevision', { reason: string }>;
export type ResubmitApplication = ApplicationCommandOf<'ResubmitApplication', object>;
/** `approvedGrant` only with `adopted`; defaults to the requested grant. */
export type DecideApplication = ApplicationCommandOf<
  'DecideApplication',
  { outcome: 'adopted' | 'rejected'; reason: string; approvedGrant?: number }
>;

export type ApplicationCommand =
  | CreateApplication
  | ReplacePlan
  | SubmitApplication
  | WithdrawApplication
  | AssignReviewer
  | DeclareConflict
  | SubmitReview
  | RequestRevision
  | ResubmitApplication
  | DecideApplication;
