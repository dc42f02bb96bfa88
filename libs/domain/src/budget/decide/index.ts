import type { Decision } from '../../decision';
import type { BudgetCommand } from '../commands';
import type { BudgetEvent } from '../events';
import type { BudgetState } from '../state';
import { commitNationalShare } from './commit-national-share';
import { setBudget } from './set-budget';

export { commitNationalShare, setBudget };

export const decideBudgetCommand = (command: BudgetCommand, state: BudgetState): Decision<BudgetEvent> => {
  switch (command.type) {
    case 'SetBudget':
      return setBudget(command, state);
    case 'CommitNationalShare':
      return commitNationalShare(command, state);
  }
};
