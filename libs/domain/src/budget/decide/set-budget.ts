import { requireRole } from '../../authorization';
import { accept, refuse, type Decision } from '../../decision';
import { domainError } from '../../errors';
import { isYen } from '../../money';
import type { SetBudget } from '../commands';
import type { FiscalYearBudgetSet } from '../events';
import type { BudgetState } from '../state';

export const setBudget = (command: SetBudget, state: BudgetState): Decision<FiscalYearBudgetSet> => {
  const { data, metadata } = command;
  const forbidden = requireRole(metadata.actor, 'program_officer');
  if (forbidden) return refuse(forbidden);
  if (data.fiscalYear !== state.fiscalYear) {
    return refuse(
      domainError(
        'invalid_command',
        `the command is for FY${data.fiscalYear}, the budget is FY${state.fiscalYear}`,
      ),
    );
  }
  if (!isYen(data.nationalBudget)) {
    return refuse(domainError('invalid_command', 'nationalBudget must be integer yen ≥ 0'));
  }
  if (data.nationalBudget < state.committed) {
    return refuse(
      domainError(
        'budget_below_committed',
        `FY${state.fiscalYear} has ${state.committed} yen committed already`,
        [
          {
            rule: 'budget',
            field: 'nationalBudget',
            message: `the budget cannot be set below the ${state.committed} yen already committed`,
            figures: { nationalBudget: data.nationalBudget, committed: state.committed },
          },
        ],
      ),
    );
  }
  return accept({
    type: 'FiscalYearBudgetSet',
    data: {
      fiscalYear: data.fiscalYear,
      nationalBudget: data.nationalBudget,
      intakeOpen: data.intakeOpen,
      setAt: metadata.at,
      setBy: metadata.actor.sub,
    },
  });
};
