import type { CommandMetadata } from '../actor';
import type { BudgetEvent } from '../budget/events';
import type { BudgetState } from '../budget/state';
import { refuse, accept, type Decision } from '../decision';
import { domainError } from '../errors';
import type { AwardEvent } from './events';

/**
 * What a post-award decision does to the fiscal year's budget, to be appended with the
 * application's events in one atomic append (as an adoption's commitment is): the grant
 * decision and the amount determination lower the commitment to their national share, an
 * approved abandonment releases all of it, a payment is booked. A commitment only ever
 * shrinks after adoption, so nothing here can commit beyond the budget.
 */
export function budgetSideOf(
  events: readonly AwardEvent[],
  budget: BudgetState,
  metadata: CommandMetadata,
): Decision<BudgetEvent> {
  const booked: BudgetEvent[] = [];
  const at = { bookedAt: metadata.at, bookedBy: metadata.actor.sub };
  for (const event of events) {
    const { applicationId } = event.data;
    const commitment = budget.commitments[applicationId];
    const touchesBudget = [
      'GrantDecided',
      'PlanChangeApproved',
      'AmountConfirmed',
      'PaymentRecorded',
    ].includes(event.type);
    if (!touchesBudget) continue;
    if (commitment === undefined)
      return refuse(
        domainError(
          'not_committed',
          `FY${budget.fiscalYear}'s budget holds no commitment for ${applicationId}`,
        ),
      );
    const fiscalYear = budget.fiscalYear;
    switch (event.type) {
      case 'GrantDecided':
        booked.push({
          type: 'NationalShareDecided',
          data: {
            fiscalYear,
            applicationId,
            decided: event.data.funding.nationalShare,
            released: event.data.released,
            ...at,
          },
        });
        break;
      case 'PlanChangeApproved':
        if (event.data.released > 0)
          booked.push({
            type: 'NationalShareReleased',
            data: { fiscalYear, applicationId, released: event.data.released, reason: 'abandonment', ...at },
          });
        break;
      case 'AmountConfirmed':
        booked.push({
          type: 'NationalShareConfirmed',
          data: {
            fiscalYear,
            applicationId,
            confirmed: event.data.funding.nationalShare,
            previouslyConfirmed: budget.confirmations[applicationId] ?? 0,
            released: event.data.released,
            refundDue: event.data.refundDue,
            ...at,
          },
        });
        break;
      case 'PaymentRecorded':
        booked.push({
          type: 'NationalSharePaid',
          data: { fiscalYear, applicationId, amount: event.data.amount, paidOn: event.data.paidOn, ...at },
        });
        break;
    }
  }
  return accept(...booked);
}
