import type { Violation } from '../errors';
import { remainingBudget, type BudgetState } from './state';

/** Rule 8: the national share must fit in what is left of the fiscal year's budget. */
export const budgetViolation = (nationalShare: number, budget: BudgetState): Violation | undefined => {
  const remaining = remainingBudget(budget);
  if (nationalShare <= remaining) return undefined;
  return {
    rule: 'budget',
    field: 'nationalShare',
    message: `the national share ${nationalShare} yen exceeds the ${remaining} yen left of the FY${budget.fiscalYear} budget`,
    figures: {
      nationalShare,
      remaining,
      nationalBudget: budget.nationalBudget,
      committed: budget.committed,
    },
  };
};
