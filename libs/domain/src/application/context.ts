import { initialBudgetState, type BudgetState } from '../budget/state';
import type { RuleSetOptions } from '../plan/evaluate-plan';

/**
 * What a decision reads besides the application's own state: the fiscal year's budget
 * (intake open? how much is left?) and the operator's provisional-rule-set switch.
 * No budget means that fiscal year's stream does not exist yet.
 */
export interface ApplicationContext extends RuleSetOptions {
  readonly budget?: BudgetState;
}

/** The fiscal year's budget, or `undefined` when the context holds another year's. */
export const budgetOf = (context: ApplicationContext, fiscalYear: number): BudgetState | undefined => {
  if (context.budget === undefined) return initialBudgetState(fiscalYear);
  return context.budget.fiscalYear === fiscalYear ? context.budget : undefined;
};
