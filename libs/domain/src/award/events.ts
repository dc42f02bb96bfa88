import type { GrantLimit } from '@l10k/rules';
import type { ApplicationPlan } from '../plan/application-plan';
import type { FundingFigures } from '../plan/funding-figures';
import type { DocumentRef } from './documents';
import type { ActualCost, ActualFinancing } from './performance';

interface AwardEventOf<Type extends string, Data> {
  readonly type: Type;
  readonly data: Readonly<{ applicationId: string } & Data>;
}

export type GrantApplied = AwardEventOf<
  'GrantApplied',
  {
    amount: number;
    documents: readonly DocumentRef[];
    dueDate: string;
    /** Filed after its due date (still accepted; the queue showed it overdue). */
    late: boolean;
    appliedAt: string;
    appliedBy: string;
  }
>;

/** The national share recomputed with the decided grant; `released` returns to the fiscal year. */
export type GrantDecided = AwardEventOf<
  'GrantDecided',
  {
    fiscalYear: number;
    grant: number;
    conditions: string;
    ruleSetId: string;
    funding: FundingFigures;
    released: number;
    decidedAt: string;
    decidedBy: string;
  }
>;

export interface CostMove {
  readonly category: string;
  readonly planned: number;
  readonly changed: number;
  readonly material: boolean;
}

/** Why a change needs approval: a cost category's move, the completion, the business or the purpose. */
export type MaterialGround =
  'cost_category_moved' | 'completion_leaves_fiscal_year' | 'business_changed' | 'purpose_changed';

/** 軽微な変更: took effect at once. */
export type PlanChangeNotified = AwardEventOf<
  'PlanChangeNotified',
  {
    changeId: string;
    plan: ApplicationPlan;
    reason: string;
    costMoves: readonly CostMove[];
    documents: readonly DocumentRef[];
    notifiedAt: string;
    notifiedBy: string;
  }
>;

export type PlanChangeRequested = AwardEventOf<
  'PlanChangeRequested',
  {
    changeId: string;
    kind: 'change' | 'abandonment';
    /** The plan asked for; absent for an abandonment. */
    plan?: ApplicationPlan;
    reason: string;
    grounds: readonly MaterialGround[];
    costMoves: readonly CostMove[];
    documents: readonly DocumentRef[];
    requestedAt: string;
    requestedBy: string;
  }
>;

export type PlanChangeApproved = AwardEventOf<
  'PlanChangeApproved',
  {
    changeId: string;
    kind: 'change' | 'abandonment';
    fiscalYear: number;
    reason: string;
    /** An approved abandonment releases the whole commitment; a change releases nothing. */
    released: number;
    decidedAt: string;
    decidedBy: string;
  }
>;

export type PlanChangeRefused = AwardEventOf<
  'PlanChangeRefused',
  { changeId: string; kind: 'change' | 'abandonment'; reason: string; decidedAt: string; decidedBy: string }
>;

export type PerformanceReported = AwardEventOf<
  'PerformanceReported',
  {
    actualCosts: readonly ActualCost[];
    actualFinancing: ActualFinancing;
    grantPaid: number;
    completedOn: string;
    documents: readonly DocumentRef[];
    dueDate: string;
    late: boolean;
    reportedAt: string;
    reportedBy: string;
  }
>;

/** One figure as planned (decided) and as it turned out. */
export interface PlannedActual {
  readonly planned: number;
  readonly actual: number;
}

export interface PlanVsActual {
  readonly totalCost: PlannedActual;
  readonly eligibleCost: PlannedActual;
  readonly loan: PlannedActual;
  readonly ownFunds: PlannedActual;
  /** Planned: the decided grant; actual: what the municipality paid the business. */
  readonly grant: PlannedActual;
  readonly nationalShare: PlannedActual;
  readonly specialTaxShare: PlannedActual;
  readonly municipalShare: PlannedActual;
  readonly completion: { readonly planned: string; readonly actual: string };
  readonly costsByCategory: readonly (PlannedActual & { readonly category: string })[];
}

/** Which figure set the confirmed grant: one of the three candidates, or the officer. */
export type ConfirmationLimit = 'decided_grant' | 'grant_paid' | GrantLimit | 'officer_reduction';

export type AmountConfirmed = AwardEventOf<
  'AmountConfirmed',
  {
    fiscalYear: number;
    ruleSetId: string;
    decidedGrant: number;
    grantPaid: number;
    /** The largest grant the actual figures allow under the decided rule set. */
    largestAllowed: number;
    confirmedGrant: number;
    limitedBy: ConfirmationLimit;
    /** Only when the officer confirmed lower than computed. */
    reason?: string;
    /** The confirmed split, with the decided rule set's rate and rounding. */
    funding: FundingFigures;
    planVsActual: PlanVsActual;
    /** The confirmed share's difference to the previous commitment, back to the budget. */
    released: number;
    /** Paid beyond the confirmed share (a correction after payment): 返還. */
    refundDue: number;
    confirmedAt: string;
    confirmedBy: string;
  }
>;

export type PaymentRecorded = AwardEventOf<
  'PaymentRecorded',
  {
    fiscalYear: number;
    amount: number;
    paidOn: string;
    totalPaid: number;
    recordedAt: string;
    recordedBy: string;
  }
>;

export type AwardEvent =
  | GrantApplied
  | GrantDecided
  | PlanChangeNotified
  | PlanChangeRequested
  | PlanChangeApproved
  | PlanChangeRefused
  | PerformanceReported
  | AmountConfirmed
  | PaymentRecorded;
