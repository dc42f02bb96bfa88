/** A fiscal year's national budget: committed, decided, confirmed, released and paid. */
export class FiscalYearBudgetQuery {
  constructor(readonly fiscalYear: number) {}
}
