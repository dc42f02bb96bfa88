import { parseCalendarDate } from '@l10k/rules';
import type { ApplicationState } from '../../application/state';
import { accept, refuse, type Decision } from '../../decision';
import { domainError } from '../../errors';
import { guardRules } from '../../rules-errors';
import type { RecordPayment } from '../commands';
import type { PaymentRecorded } from '../events';
import { locateAward, positiveYen } from './guards';

/** 精算払: never more, in all, than the confirmed national share. */
export const recordPayment = (command: RecordPayment, state: ApplicationState): Decision<PaymentRecorded> => {
  const { data, metadata } = command;
  const located = locateAward(state, metadata, 'program_officer', 'amount_confirmed');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  const notYen = positiveYen('amount', data.amount);
  if (notYen) return refuse(notYen);
  const date = guardRules(() => ({ ok: true, value: parseCalendarDate(data.paidOn, 'paidOn') }));
  if (!date.ok) return refuse(date.error);
  const confirmed = application.award.confirmation?.funding.nationalShare ?? 0;
  const totalPaid = application.award.paid + data.amount;
  if (totalPaid > confirmed) {
    return refuse(
      domainError('payment_exceeds_confirmed', 'the payment would exceed the confirmed national share', [
        {
          rule: 'payment_within_confirmed_share',
          field: 'amount',
          message: `${totalPaid} yen paid in all would exceed the confirmed national share of ${confirmed} yen`,
          figures: { amount: data.amount, paid: application.award.paid, confirmed },
        },
      ]),
    );
  }
  return accept({
    type: 'PaymentRecorded',
    data: {
      applicationId: application.id,
      fiscalYear: application.fiscalYear,
      amount: data.amount,
      paidOn: data.paidOn,
      totalPaid,
      recordedAt: metadata.at,
      recordedBy: metadata.actor.sub,
    },
  });
};
