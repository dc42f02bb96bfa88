import type { CostCategory, FinancingForm, LenderType } from '@l10k/rules';

export interface ActualCost {
  readonly category: CostCategory;
  readonly amount: number;
  readonly description?: string;
}

/** What the project actually drew: the loan or equity investment (L) and the business's own funds. */
export interface ActualFinancing {
  readonly loan: { readonly amount: number; readonly lenderType: LenderType; readonly form?: FinancingForm };
  readonly ownFunds: number;
}
