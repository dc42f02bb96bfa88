/** Sets the year's national budget and opens or closes intake, in one event. */
export interface FiscalYearBudgetSet {
  readonly type: 'FiscalYearBudgetSet';
  readonly data: {
    readonly fiscalYear: number;
    readonly nationalBudget: number;
    readonly intakeOpen: boolean;
    readonly setAt: string;
    readonly setBy: string;
  };
}

export interface NationalShareCommitted {
  readonly type: 'NationalShareCommitted';
  readonly data: {
    readonly fiscalYear: number;
    readonly applicationId: string;
    readonly amount: number;
    readonly committedAt: string;
    readonly committedBy: string;
  };
}

export type BudgetEvent = FiscalYearBudgetSet | NationalShareCommitted;
