import type { BudgetEvent } from './events';
import { initialBudgetState, type BudgetState } from './state';
import { fresh } from '@l10k/rules';

type Draft = { -readonly [Key in keyof BudgetState]: BudgetState[Key] } & {
  commitments: Record<string, number>;
  confirmations: Record<string, number>;
};

/** Gives part of an application's commitment back to the year. */
const release = (draft: Draft, applicationId: string, amount: number): void => {
  draft.committed -= amount;
  draft.released += amount;
  draft.commitments[applicationId] = (draft.commitments[applicationId] ?? 0) - amount;
};

/** One event applied to a draft of its own (see evolveBudgetWith). */
function apply(draft: Draft, event: BudgetEvent): void {
  switch (event.type) {
    case 'FiscalYearBudgetSet':
      draft.nationalBudget = event.data.nationalBudget;
      draft.intakeOpen = event.data.intakeOpen;
      return;
    case 'NationalShareCommitted':
      draft.committed += event.data.amount;
      draft.commitments[event.data.applicationId] = event.data.amount;
      return;
    case 'NationalShareDecided':
      release(draft, event.data.applicationId, event.data.released);
      draft.decided += event.data.decided;
      return;
    case 'NationalShareReleased':
      release(draft, event.data.applicationId, event.data.released);
      return;
    case 'NationalShareConfirmed': {
      const { applicationId, confirmed, previouslyConfirmed } = event.data;
      release(draft, applicationId, event.data.released);
      draft.confirmed = draft.confirmed - previouslyConfirmed + confirmed;
      draft.confirmations[applicationId] = confirmed;
      return;
    }
    case 'NationalSharePaid':
      draft.paid += event.data.amount;
      return;
  }
}

/**
 * The state after some events. The given state is never changed: its per-application maps
 * are copied once and the events applied to the copy, so folding a year of adoptions stays
 * linear (copying the maps per event made a fold of n commitments cost n²/2 entry copies).
 */
export function evolveBudgetWith(state: BudgetState, events: readonly BudgetEvent[]): BudgetState {
  // Nothing new (the usual case for a kept fold): the state as it is, no copy of its maps.
  if (events.length === 0) return state;
  const draft: Draft = {
    ...fresh,
    ...state,
    commitments: { ...state.commitments },
    confirmations: { ...state.confirmations },
  };
  for (const event of events) apply(draft, event);
  return draft;
}

export const evolveBudget = (state: BudgetState, event: BudgetEvent): BudgetState =>
  evolveBudgetWith(state, [event]);

export const foldBudget = (events: readonly BudgetEvent[], fiscalYear: number): BudgetState =>
  evolveBudgetWith(initialBudgetState(fiscalYear), events);
