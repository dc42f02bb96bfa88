import type { CostItem, Loan, MunicipalityProfile, PriorityCategory, Schedule, Track } from '@l10k/rules';

/**
 * The plan (事業計画) a municipality saves. Every field is optional because a draft
 * may be saved half-written; submission requires it complete (see completeness.ts).
 * The municipality code is not part of it and cannot be edited: it is always the
 * application's owner's, added where the plan becomes the funding plan (to-funding-plan.ts).
 */
export interface ApplicationPlan {
  readonly business?: { readonly name?: string; readonly corporateNumber?: string };
  readonly projectTitle?: string;
  readonly summary?: string;
  /** Defaults to `national`. */
  readonly track?: Track;
  readonly municipality?: Partial<Omit<MunicipalityProfile, 'code'>>;
  readonly costs?: readonly Partial<CostItem>[];
  readonly funding?: {
    readonly grant?: number;
    readonly loan?: Partial<Loan>;
    readonly ownFunds?: number;
  };
  /** Absent means no category claimed. */
  readonly priorityCategories?: readonly PriorityCategory[];
  readonly schedule?: Partial<Schedule>;
}

export const trackOf = (plan: ApplicationPlan): Track => plan.track ?? 'national';
