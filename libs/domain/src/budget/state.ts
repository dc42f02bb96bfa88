/**
 * A fiscal year's programme budget (DOMAIN.md, funding rule 8), folded from the
 * `fiscal-year-<fy>` stream. Before the programme officer sets it, intake is open and
 * the budget is 0: applications can be submitted, nothing can be adopted.
 */
export interface BudgetState {
  readonly fiscalYear: number;
  /** Integer yen. */
  readonly nationalBudget: number;
  /** Sum of the commitments, integer yen. */
  readonly committed: number;
  readonly intakeOpen: boolean;
  /** National share committed per adopted application, integer yen. */
  readonly commitments: Readonly<Record<string, number>>;
}

export const initialBudgetState = (fiscalYear: number): BudgetState => ({
  fiscalYear,
  nationalBudget: 0,
  committed: 0,
  intakeOpen: true,
  commitments: {},
});

export const remainingBudget = (budget: BudgetState): number => budget.nationalBudget - budget.committed;
