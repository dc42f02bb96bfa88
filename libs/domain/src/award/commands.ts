import type { CommandMetadata } from '../actor';
import type { ApplicationPlan } from '../plan/application-plan';
import type { DocumentRef } from './documents';
import type { ActualCost, ActualFinancing } from './performance';

interface AwardCommandOf<Type extends string, Data> {
  readonly type: Type;
  readonly data: Readonly<{ applicationId: string } & Data>;
  readonly metadata: CommandMetadata;
}

/** 交付申請: the municipality applies for at most the approved grant. */
export type ApplyForGrant = AwardCommandOf<
  'ApplyForGrant',
  { amount: number; documents: readonly DocumentRef[] }
>;
/** 交付決定: the programme officer decides at most the applied amount, with conditions. */
export type DecideGrant = AwardCommandOf<'DecideGrant', { grant: number; conditions: string }>;
/** 計画変更: a new plan; minor changes take effect, material ones wait for approval. */
export type ChangePlan = AwardCommandOf<
  'ChangePlan',
  { changeId: string; plan: ApplicationPlan; reason: string; documents: readonly DocumentRef[] }
>;
/** 中止・廃止: a change that, once approved, releases the whole commitment. */
export type RequestAbandonment = AwardCommandOf<'RequestAbandonment', { changeId: string; reason: string }>;
export type DecidePlanChange = AwardCommandOf<
  'DecidePlanChange',
  { changeId: string; outcome: 'approved' | 'refused'; reason: string }
>;
/** 実績報告. */
export type ReportPerformance = AwardCommandOf<
  'ReportPerformance',
  {
    actualCosts: readonly ActualCost[];
    actualFinancing: ActualFinancing;
    /** The grant the municipality actually paid the business, yen. */
    grantPaid: number;
    /** YYYY-MM-DD. */
    completedOn: string;
    documents: readonly DocumentRef[];
  }
>;
/** 額の確定: computed from the actuals; `grant` confirms lower still, with `reason`. */
export type ConfirmAmount = AwardCommandOf<'ConfirmAmount', { grant?: number; reason?: string }>;
/** 精算払 of the confirmed national share. */
export type RecordPayment = AwardCommandOf<'RecordPayment', { amount: number; paidOn: string }>;

export type AwardCommand =
  | ApplyForGrant
  | DecideGrant
  | ChangePlan
  | RequestAbandonment
  | DecidePlanChange
  | ReportPerformance
  | ConfirmAmount
  | RecordPayment;
