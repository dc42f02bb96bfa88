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
  /** National share committed now per adopted application, integer yen (it only shrinks after adoption). */
  readonly commitments: Readonly<Record<string, number>>;
  /** Sum of the national shares of grant decisions (交付決定). */
  readonly decided: number;
  /** Sum of the latest confirmed national shares (額の確定). */
  readonly confirmed: number;
  /** Sum of what decisions, abandonments and confirmations gave back to the budget. */
  readonly released: number;
  /** Sum of payments (精算払). */
  readonly paid: number;
  /** The latest confirmed share per application, so a correction replaces it in `confirmed`. */
  readonly confirmations: Readonly<Record<string, number>>;
}

export const initialBudgetState = (fiscalYear: number): BudgetState => ({
  fiscalYear,
  nationalBudget: 0,
  committed: 0,
  intakeOpen: true,
  commitments: {},
  decided: 0,
  confirmed: 0,
  released: 0,
  paid: 0,
  confirmations: {},
});

export const remainingBudget = (budget: BudgetState): number => budget.nationalBudget - budget.committed;
