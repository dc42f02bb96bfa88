import type { BudgetEvent } from './events';
import { initialBudgetState, type BudgetState } from './state';

export const evolveBudget = (state: BudgetState, event: BudgetEvent): BudgetState => {
  switch (event.type) {
    case 'FiscalYearBudgetSet':
      return { ...state, nationalBudget: event.data.nationalBudget, intakeOpen: event.data.intakeOpen };
    case 'NationalShareCommitted':
      return {
        ...state,
        committed: state.committed + event.data.amount,
        commitments: { ...state.commitments, [event.data.applicationId]: event.data.amount },
      };
  }
};

export const foldBudget = (events: readonly BudgetEvent[], fiscalYear: number): BudgetState =>
  events.reduce(evolveBudget, initialBudgetState(fiscalYear));
