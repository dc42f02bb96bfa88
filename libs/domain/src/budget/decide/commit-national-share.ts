import { requireRole } from '../../authorization';
import { accept, refuse, type Decision } from '../../decision';
import { domainError } from '../../errors';
import { isYen } from '../../money';
import { budgetViolation } from '../budget-violation';
import type { CommitNationalShare } from '../commands';
import type { NationalShareCommitted } from '../events';
import type { BudgetState } from '../state';

/**
 * Reserves an adopted application's national share. Only ever decided together with the
 * adoption (adoption/decide-adoption.ts), and appended with it atomically.
 */
export const commitNationalShare = (
  command: CommitNationalShare,
  state: BudgetState,
): Decision<NationalShareCommitted> => {
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
  if (!isYen(data.amount)) return refuse(domainError('invalid_command', 'amount must be integer yen ≥ 0'));
  // A second commitment for one application would count its share twice: refuse, never add.
  if (data.applicationId in state.commitments) {
    return refuse(
      domainError(
        'already_committed',
        `application ${data.applicationId} already has its national share committed`,
      ),
    );
  }
  const overBudget = budgetViolation(data.amount, state);
  if (overBudget) return refuse(domainError('budget_exceeded', overBudget.message, [overBudget]));
  return accept({
    type: 'NationalShareCommitted',
    data: {
      fiscalYear: data.fiscalYear,
      applicationId: data.applicationId,
      amount: data.amount,
      committedAt: metadata.at,
      committedBy: metadata.actor.sub,
    },
  });
};
