import { findRuleSet, fy2025, type PostAwardRules } from '@l10k/rules';
import type { ApplicationPlan } from '../plan/application-plan';
import type { FundingFigures } from '../plan/funding-figures';
import type { DocumentRef } from './documents';
import type { AmountConfirmed, CostMove, MaterialGround, PerformanceReported } from './events';

export const AWARD_STATUSES = [
  'grant_applied',
  'grant_decided',
  'change_requested',
  'reported',
  'amount_confirmed',
  'paid',
  'abandoned',
] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];

export interface PlanChange {
  readonly changeId: string;
  readonly kind: 'minor' | 'change' | 'abandonment';
  /** The plan asked for by a change that waits for approval. */
  readonly plan?: ApplicationPlan;
  readonly reason: string;
  readonly grounds: readonly MaterialGround[];
  readonly costMoves: readonly CostMove[];
  readonly documents: readonly DocumentRef[];
  readonly requestedAt: string;
  readonly requestedBy: string;
  /** `notified` for a minor change; otherwise pending until decided. */
  readonly outcome: 'notified' | 'pending' | 'approved' | 'refused';
  readonly decision?: { readonly reason: string; readonly decidedAt: string; readonly decidedBy: string };
}

/** The grant's life after adoption (DOMAIN.md, "After adoption"), as the application's state keeps it. */
export interface Award {
  /** YYYY-MM-DD, Japan time. */
  readonly grantApplicationDueDate: string;
  /** The national share the fiscal year's budget holds for it now. */
  readonly commitment: number;
  readonly grantApplication?: {
    readonly amount: number;
    readonly documents: readonly DocumentRef[];
    readonly late: boolean;
    readonly appliedAt: string;
    readonly appliedBy: string;
  };
  readonly grantDecision?: {
    readonly grant: number;
    readonly conditions: string;
    readonly funding: FundingFigures;
    readonly released: number;
    readonly decidedAt: string;
    readonly decidedBy: string;
  };
  readonly changes: readonly PlanChange[];
  /** The status a pending change returns to when it is decided. */
  readonly statusBeforeChange?: AwardStatus | 'adopted';
  readonly report?: Omit<PerformanceReported['data'], 'applicationId'>;
  readonly confirmation?: Omit<AmountConfirmed['data'], 'applicationId'>;
  readonly payments: readonly {
    readonly amount: number;
    readonly paidOn: string;
    readonly recordedAt: string;
  }[];
  readonly paid: number;
  /** Paid beyond the confirmed share after a correction: to be refunded (返還). */
  readonly refundDue: number;
  readonly abandonedAt?: string;
}

/**
 * The post-award rules of the rule set that decided the application. A rule set that has
 * decided applications is never removed (libs/rules README), so the fallback only keeps a
 * replay going should one ever be.
 */
export const postAwardRulesOf = (ruleSetId: string): PostAwardRules =>
  (findRuleSet(ruleSetId) ?? fy2025).postAward;
