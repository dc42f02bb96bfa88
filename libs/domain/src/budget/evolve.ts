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
    case 'NationalShareDecided':
      return {
        ...release(state, event.data.applicationId, event.data.released),
        decided: state.decided + event.data.decided,
      };
    case 'NationalShareReleased':
      return release(state, event.data.applicationId, event.data.released);
    case 'NationalShareConfirmed': {
      const { applicationId, confirmed, previouslyConfirmed } = event.data;
      return {
        ...release(state, applicationId, event.data.released),
        confirmed: state.confirmed - previouslyConfirmed + confirmed,
        confirmations: { ...state.confirmations, [applicationId]: confirmed },
      };
    }
    case 'NationalSharePaid':
      return { ...state, paid: state.paid + event.data.amount };
  }
};

/** Gives part of an application's commitment back to the year. */
const release = (state: BudgetState, applicationId: string, amount: number): BudgetState => ({
  ...state,
  committed: state.committed - amount,
  released: state.released + amount,
  commitments: { ...state.commitments, [applicationId]: (state.commitments[applicationId] ?? 0) - amount },
});

export const foldBudget = (events: readonly BudgetEvent[], fiscalYear: number): BudgetState =>
  events.reduce(evolveBudget, initialBudgetState(fiscalYear));
