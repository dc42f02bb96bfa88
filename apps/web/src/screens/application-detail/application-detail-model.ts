import { integer, record, records, text } from '../../api/read-fields';
import { REQUIREMENT_LABELS } from '../../messages/labels';

const REQUIREMENT_ORDER = Object.keys(REQUIREMENT_LABELS);
const orderOf = (requirement: string) =>
  (REQUIREMENT_ORDER.indexOf(requirement) + REQUIREMENT_ORDER.length + 1) % (REQUIREMENT_ORDER.length + 1);

export interface ReviewModel {
  /** 審査員A, B, …: the API's anonymous label, or one given here by order; never the reviewer's id. */
  readonly reviewer: string;
  readonly recommendation: string;
  readonly comment: string;
  readonly assessments: readonly {
    readonly requirement: string;
    readonly met: boolean;
    readonly comment: string;
  }[];
}

/** What the after-submission screen reads from an application answer. */
export interface ApplicationDetailModel {
  readonly id: string;
  readonly status: string;
  readonly revision: number;
  /** national (国庫補助事業) or local (地方単独事業). */
  readonly track: string;
  readonly projectTitle?: string;
  readonly businessName?: string;
  readonly round?: string;
  readonly deadline?: string;
  /** The last submission's instant; a resubmission after a revision request moves it. */
  readonly submittedAt?: string;
  /** 1 for the first submission, one more for each resubmission. */
  readonly reviewCycle: number;
  readonly decisionDueDate?: string;
  readonly requestedGrant?: number;
  readonly nationalShare?: number;
  readonly reviews: readonly ReviewModel[];
  readonly revisionReason?: string;
  readonly revisionRequestedAt?: string;
  readonly withdrawalReason?: string;
  readonly withdrawnAt?: string;
  readonly decision?: {
    readonly outcome: string;
    readonly reason: string;
    readonly decidedAt?: string;
    readonly approvedGrant?: number;
  };
}

const anonymous = (index: number) => `審査員${String.fromCharCode(0x41 + index)}`;

export function toApplicationDetail(answer: unknown): ApplicationDetailModel {
  const application = record(answer);
  const plan = record(application.plan);
  const funding = record(application.funding);
  const decision = record(application.decision);
  return {
    id: text(application.id) ?? '',
    status: text(application.status) ?? '',
    revision: integer(application.revision) ?? 0,
    track: text(application.track) ?? text(plan.track) ?? 'national',
    projectTitle: text(plan.projectTitle),
    businessName: text(record(plan.business).name),
    round: text(application.round),
    deadline: text(application.deadline),
    submittedAt: text(application.submittedAt),
    reviewCycle: integer(application.reviewCycle) ?? 0,
    decisionDueDate: text(application.decisionDueDate),
    requestedGrant: integer(funding.grant) ?? integer(record(plan.funding).grant),
    nationalShare: integer(funding.nationalShare),
    reviews: records(application.reviews).map((review, index) => ({
      reviewer: text(review.reviewer) ?? anonymous(index),
      recommendation: text(review.recommendation) ?? '',
      comment: text(review.comment) ?? '',
      assessments: Object.entries(record(review.assessments))
        .map(([requirement, value]) => ({
          requirement,
          met: record(value).met === true,
          comment: text(record(value).comment) ?? '',
        }))
        .sort((a, b) => orderOf(a.requirement) - orderOf(b.requirement)),
    })),
    revisionReason: text(record(application.revisionRequest).reason),
    revisionRequestedAt: text(record(application.revisionRequest).requestedAt),
    withdrawalReason: text(record(application.withdrawal).reason),
    withdrawnAt: text(record(application.withdrawal).withdrawnAt),
    decision: text(decision.outcome)
      ? {
          outcome: text(decision.outcome)!,
          reason: text(decision.reason) ?? '',
          decidedAt: text(decision.decidedAt),
          approvedGrant: integer(decision.approvedGrant),
        }
      : undefined,
  };
}
